# METADATA
# title: "IAM users get permissions only through groups"
# description: >-
#   Policies attached to individual users, managed or inline, scatter permissions and make reviews
#   harder. CIS asks that users receive permissions only through group membership.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html
# custom:
#   id: AVD-AWS-0143
#   avd_id: AVD-AWS-0143
#   provider: aws
#   impact: >-
#     Policies attached to users one by one drift apart and are hard to review; when permissions
#     come from groups (or roles), granting and revoking access is one membership change.
#   remediation:
#     console: >-
#       IAM console > User groups > Create group with the needed policies, add the user; then Users
#       > the user > Permissions: remove the directly attached and inline policies.
#     cli: >-
#       aws iam add-user-to-group --group-name GROUP --user-name USER && aws iam detach-user-policy
#       --user-name USER --policy-arn POLICY-ARN && aws iam delete-user-policy --user-name USER
#       --policy-name INLINE-POLICY
#     terraform: >-
#       aws_iam_group_policy_attachment and aws_iam_user_group_membership instead of
#       aws_iam_user_policy_attachment / aws_iam_user_policy
#   service: iam
#   severity: LOW
#   short_code: no-user-attached-policies
#   recommended_action: "Move the user's managed and inline policies to a group and add the user to it."
#   frameworks:
#     cis-aws-1.2:
#       - "1.16"
#     cis-aws-1.4:
#       - "1.15"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0143

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	policies := object.get(user, "policies", [])
	count(policies) > 0
	names := concat(", ", sort([p.name.value | some p in policies]))
	res := result.new(sprintf("IAM user '%s' has policies attached directly: %s.", [user.name.value, names]), user)
}

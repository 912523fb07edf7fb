# METADATA
# title: "IAM groups require MFA in their policies"
# description: >-
#   A group whose policies never test aws:MultiFactorAuthPresent lets its members act without a
#   second factor. Add a statement that denies (or only allows) actions based on MFA presence.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/tutorial_users-self-manage-mfa-and-creds.html
# custom:
#   id: AVD-AWS-0123
#   avd_id: AVD-AWS-0123
#   provider: aws
#   impact: >-
#     Without an MFA condition, the group's permissions work with a password or access key alone;
#     one phished password is then enough to use them.
#   remediation:
#     console: >-
#       IAM console > User groups > the group > Permissions > Add permissions > Create inline
#       policy: a statement that denies all actions (except those needed to set up MFA) when
#       aws:MultiFactorAuthPresent is false (BoolIfExists).
#     cli: >-
#       aws iam put-group-policy --group-name GROUP --policy-name require-mfa --policy-document
#       '{"Version":"2012-10-17","Statement":[{"Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:ListMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}'
#     terraform: >-
#       aws_iam_group_policy: a Deny statement with condition { test = "BoolIfExists", variable =
#       "aws:MultiFactorAuthPresent", values = ["false"] }
#   service: iam
#   severity: MEDIUM
#   short_code: enforce-group-mfa
#   recommended_action: "Attach a policy to the group that denies actions when aws:MultiFactorAuthPresent is false or missing."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0123

import rego.v1

import data.lib.aws.iam

mentions_mfa(policy) if {
	some s in iam.statements(policy.document.value)
	some _, conds in object.get(s, "Condition", {})
	some key, _ in conds
	lower(key) == "aws:multifactorauthpresent"
}

deny contains res if {
	some group in input.aws.iam.groups
	not any_mfa(group)
	res := result.new(sprintf("No policy of IAM group '%s' requires MFA.", [group.name.value]), group)
}

any_mfa(group) if {
	some policy in object.get(group, "policies", [])
	mentions_mfa(policy)
}

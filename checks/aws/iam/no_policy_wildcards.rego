# METADATA
# title: "No customer policy grants full administrator access"
# description: >-
#   A policy that allows every action on every resource ("*" on "*") hands out complete control of
#   the account. CIS asks that such customer-managed and inline policies do not exist; grant the
#   specific actions needed instead.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: AVD-AWS-0057
#   avd_id: AVD-AWS-0057
#   provider: aws
#   impact: >-
#     A policy allowing every action on every resource makes its holder a full administrator. If
#     that user, group or role is compromised, so is the whole account, and mistakes have no limit
#     either.
#   remediation:
#     console: >-
#       IAM console > Policies (or the user / group / role's inline policy) > Edit: replace the
#       Action "*" / Resource "*" statement with the actions and resources needed; IAM Access
#       Analyzer can generate a policy from CloudTrail activity.
#     cli: >-
#       aws iam create-policy-version --policy-arn POLICY-ARN --policy-document
#       file://least-privilege.json --set-as-default
#     terraform: >-
#       aws_iam_policy_document: statements listing specific actions and resources, no actions =
#       ["*"] with resources = ["*"]
#   service: iam
#   severity: HIGH
#   short_code: no-policy-wildcards
#   recommended_action: "Replace the \"*\" / \"*\" statement with the actions and resources the principals actually need."
#   frameworks:
#     cis-aws-1.2:
#       - "1.22"
#     cis-aws-1.4:
#       - "1.16"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0057

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some policy in input.aws.iam.policies
	not policy.builtin.value == true
	iam.allows_full_admin(policy.document.value)
	res := result.new(sprintf("Customer managed policy '%s' allows all actions on all resources.", [policy.name.value]), policy)
}

# Inline policies live on their user, group or role.
deny contains res if {
	some kind in ["users", "groups", "roles"]
	some owner in object.get(input.aws.iam, kind, [])
	some policy in object.get(owner, "policies", [])
	policy.inline.value == true
	iam.allows_full_admin(policy.document.value)
	res := result.new(sprintf("Inline policy '%s' of '%s' allows all actions on all resources.", [policy.name.value, owner.name.value]), policy)
}

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

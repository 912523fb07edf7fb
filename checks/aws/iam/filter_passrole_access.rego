# METADATA
# title: "iam:PassRole is not allowed on every role"
# description: >-
#   Whoever may pass any role to a service can run code with that role's permissions, which is a
#   privilege escalation path. Limit iam:PassRole to the specific role ARNs needed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html
# custom:
#   id: AVD-AWS-0342
#   avd_id: AVD-AWS-0342
#   provider: aws
#   impact: >-
#     Whoever can pass any role to a service can give that service (a Lambda function, an EC2
#     instance) a more powerful role than their own and act through it: a classic privilege
#     escalation.
#   remediation:
#     console: >-
#       IAM console > Policies > the policy > Edit: in statements allowing iam:PassRole, replace
#       Resource "*" with the ARNs of the roles meant to be passed, and add a condition on
#       iam:PassedToService.
#     cli: >-
#       aws iam create-policy-version --policy-arn POLICY-ARN --policy-document
#       file://scoped-passrole.json --set-as-default
#     terraform: >-
#       aws_iam_policy_document: statement { actions = ["iam:PassRole"], resources =
#       [aws_iam_role.app.arn], condition { test = "StringEquals", variable = "iam:PassedToService",
#       values = ["ec2.amazonaws.com"] } }
#   service: iam
#   severity: MEDIUM
#   short_code: filter-passrole-access
#   recommended_action: "Scope iam:PassRole statements to specific role ARNs (and optionally iam:PassedToService)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0342

import rego.v1

import data.lib.aws.iam

passrole_actions := {"iam:passrole", "iam:pass*", "iam:*"}

allows_passrole_everywhere(doc) if {
	some s in iam.statements(doc)
	s.Effect == "Allow"
	some a in s.Action
	lower(a) in passrole_actions
	"*" in s.Resource
}

deny contains res if {
	some policy in input.aws.iam.policies
	not policy.builtin.value == true
	allows_passrole_everywhere(policy.document.value)
	res := result.new(sprintf("Policy '%s' allows iam:PassRole on all resources.", [policy.name.value]), policy)
}

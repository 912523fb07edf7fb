# METADATA
# title: "A role exists for handling incidents with AWS Support"
# description: >-
#   During an incident someone must be able to open and manage AWS Support cases without using root.
#   CIS asks for an IAM role with the AWS managed policy AWSSupportAccess attached.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awssupport/latest/user/accessing-support.html
# custom:
#   id: AVD-AWS-0169
#   avd_id: AVD-AWS-0169
#   provider: aws
#   impact: >-
#     When an incident needs AWS Support (a compromise, a billing attack), somebody must be able to
#     open and manage cases without using the root user; a prepared role makes that possible and
#     auditable.
#   remediation:
#     console: >-
#       IAM console > Roles > Create role: trusted entity your account (or specific users), attach
#       the AWS managed policy AWSSupportAccess, name it (e.g. aws-support).
#     cli: >-
#       aws iam create-role --role-name aws-support --assume-role-policy-document
#       file://trust-account.json && aws iam attach-role-policy --role-name aws-support --policy-arn
#       arn:aws:iam::aws:policy/AWSSupportAccess
#     terraform: >-
#       aws_iam_role (assume_role_policy trusting your account) and aws_iam_role_policy_attachment:
#       policy_arn = "arn:aws:iam::aws:policy/AWSSupportAccess"
#   service: iam
#   severity: LOW
#   short_code: require-support-role
#   recommended_action: "Create a role that trusted users can assume and attach arn:aws:iam::aws:policy/AWSSupportAccess to it."
#   frameworks:
#     cis-aws-1.2:
#       - "1.20"
#     cis-aws-1.4:
#       - "1.17"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0169

import rego.v1

import data.lib.osprey

is_support_policy(p) if endswith(p.arn.value, ":policy/AWSSupportAccess")

is_support_policy(p) if {
	not p.arn
	p.name.value == "AWSSupportAccess"
	p.builtin.value == true
}

has_support_role if {
	some role in input.aws.iam.roles
	some p in object.get(role, "policies", [])
	is_support_policy(p)
}

deny contains res if {
	input.aws.iam
	not has_support_role
	res := result.new("No IAM role has the AWSSupportAccess policy attached.", osprey.cause(osprey.account_arn("iam", "", "root")))
}

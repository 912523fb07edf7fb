# METADATA
# title: "Password policy requires a symbol"
# description: >-
#   Passwords built from a larger character set resist guessing longer. The account password policy
#   should demand at least one non-alphanumeric character.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: AVD-AWS-0060
#   avd_id: AVD-AWS-0060
#   provider: aws
#   service: iam
#   severity: MEDIUM
#   short_code: require-symbols-in-passwords
#   recommended_action: "Turn on 'Require at least one non-alphanumeric character' in the IAM account password policy."
#   frameworks:
#     cis-aws-1.2:
#       - "1.7"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0060

import rego.v1

# The account's password policy; {} when the account has none, which fails.
policy := object.get(input.aws.iam, "passwordpolicy", {})

compliant if {
	policy.requiresymbols.value == true
}

deny contains res if {
	input.aws.iam
	not compliant
	res := result.new("The password policy does not require a symbol.", policy)
}

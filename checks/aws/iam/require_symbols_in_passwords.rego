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
#   impact: >-
#     Requiring a symbol widens the character set of IAM passwords, making guessing and brute force
#     slower.
#   remediation:
#     console: >-
#       IAM console > Account settings > Password policy > Edit: Require at least one
#       non-alphanumeric character.
#     cli: >-
#       aws iam update-account-password-policy --require-symbols --require-numbers
#       --require-lowercase-characters --require-uppercase-characters --minimum-password-length 14
#       --password-reuse-prevention 24 --max-password-age 90 # replaces the whole policy
#     terraform: >-
#       aws_iam_account_password_policy: require_symbols = true
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

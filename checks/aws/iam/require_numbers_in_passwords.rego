# METADATA
# title: "Password policy requires a digit"
# description: >-
#   Passwords built from a larger character set resist guessing longer. The account password policy
#   should demand at least one digit (0-9).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: AVD-AWS-0059
#   avd_id: AVD-AWS-0059
#   provider: aws
#   impact: >-
#     Requiring a digit widens the set of characters an attacker has to guess through, which slows
#     brute force against IAM passwords.
#   remediation:
#     console: >-
#       IAM console > Account settings > Password policy > Edit: Require at least one number.
#     cli: >-
#       aws iam update-account-password-policy --require-numbers --require-lowercase-characters
#       --require-uppercase-characters --require-symbols --minimum-password-length 14
#       --password-reuse-prevention 24 --max-password-age 90 # replaces the whole policy
#     terraform: >-
#       aws_iam_account_password_policy: require_numbers = true
#   service: iam
#   severity: MEDIUM
#   short_code: require-numbers-in-passwords
#   recommended_action: "Turn on 'Require at least one number' in the IAM account password policy."
#   frameworks:
#     cis-aws-1.2:
#       - "1.8"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0059

import rego.v1

# The account's password policy; {} when the account has none, which fails.
policy := object.get(input.aws.iam, "passwordpolicy", {})

compliant if {
	policy.requirenumbers.value == true
}

deny contains res if {
	input.aws.iam
	not compliant
	res := result.new("The password policy does not require a number.", policy)
}

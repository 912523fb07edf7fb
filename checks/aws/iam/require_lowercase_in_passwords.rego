# METADATA
# title: "Password policy requires a lowercase letter"
# description: >-
#   Passwords built from a larger character set resist guessing longer. The account password policy
#   should demand at least one lowercase letter (a-z).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: AVD-AWS-0058
#   avd_id: AVD-AWS-0058
#   provider: aws
#   impact: >-
#     Requiring lowercase letters is one of the complexity rules that keep IAM passwords out of the
#     easiest guessing range.
#   remediation:
#     console: >-
#       IAM console > Account settings > Password policy > Edit: Require at least one lowercase
#       letter from the Latin alphabet (a-z).
#     cli: >-
#       aws iam update-account-password-policy --require-lowercase-characters
#       --require-uppercase-characters --require-numbers --require-symbols --minimum-password-length
#       14 --password-reuse-prevention 24 --max-password-age 90 # replaces the whole policy
#     terraform: >-
#       aws_iam_account_password_policy: require_lowercase_characters = true
#   service: iam
#   severity: MEDIUM
#   short_code: require-lowercase-in-passwords
#   recommended_action: "Turn on 'Require at least one lowercase letter' in the IAM account password policy."
#   frameworks:
#     cis-aws-1.2:
#       - "1.6"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0058

import rego.v1

# The account's password policy; {} when the account has none, which fails.
policy := object.get(input.aws.iam, "passwordpolicy", {})

compliant if {
	policy.requirelowercase.value == true
}

deny contains res if {
	input.aws.iam
	not compliant
	res := result.new("The password policy does not require a lowercase letter.", policy)
}

# METADATA
# title: "Password policy demands at least 14 characters"
# description: >-
#   Short passwords fall quickly to brute force. The account password policy should set a minimum
#   length of 14 characters or more.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: AVD-AWS-0063
#   avd_id: AVD-AWS-0063
#   provider: aws
#   impact: >-
#     Length is what makes passwords hard to guess: each extra character multiplies the work of a
#     brute-force attack. CIS asks for at least 14.
#   remediation:
#     console: >-
#       IAM console > Account settings > Password policy > Edit: Enforce minimum password length: 14
#       characters.
#     cli: >-
#       aws iam update-account-password-policy --minimum-password-length 14
#       --password-reuse-prevention 24 --require-symbols --require-numbers
#       --require-uppercase-characters --require-lowercase-characters --max-password-age 90 #
#       replaces the whole policy
#     terraform: >-
#       aws_iam_account_password_policy: minimum_password_length = 14
#   service: iam
#   severity: MEDIUM
#   short_code: set-minimum-password-length
#   recommended_action: "Set 'Minimum password length' to 14 or more in the IAM account password policy."
#   frameworks:
#     cis-aws-1.2:
#       - "1.9"
#     cis-aws-1.4:
#       - "1.8"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0063

import rego.v1

# The account's password policy; {} when the account has none, which fails.
policy := object.get(input.aws.iam, "passwordpolicy", {})

compliant if {
	policy.minimumlength.value >= 14
}

deny contains res if {
	input.aws.iam
	not compliant
	res := result.new("The password policy allows passwords shorter than 14 characters.", policy)
}

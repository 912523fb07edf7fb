# METADATA
# title: "Passwords expire within 90 days"
# description: >-
#   A password that never expires stays useful to whoever learned it. The account password policy
#   should expire passwords after 90 days or fewer.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: AVD-AWS-0062
#   avd_id: AVD-AWS-0062
#   provider: aws
#   impact: >-
#     Expiring passwords bounds how long a leaked password remains usable; CIS 1.2 asks for 90 days
#     or fewer.
#   remediation:
#     console: >-
#       IAM console > Account settings > Password policy > Edit: Turn on password expiration, 90
#       days (or fewer).
#     cli: >-
#       aws iam update-account-password-policy --max-password-age 90 --minimum-password-length 14
#       --password-reuse-prevention 24 --require-symbols --require-numbers
#       --require-uppercase-characters --require-lowercase-characters # replaces the whole policy
#     terraform: >-
#       aws_iam_account_password_policy: max_password_age = 90
#   service: iam
#   severity: MEDIUM
#   short_code: set-max-password-age
#   recommended_action: "Set 'Enable password expiration' with a period of 90 days or fewer in the IAM account password policy."
#   frameworks:
#     cis-aws-1.2:
#       - "1.11"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0062

import rego.v1

# The account's password policy; {} when the account has none, which fails.
policy := object.get(input.aws.iam, "passwordpolicy", {})

compliant if {
	policy.maxagedays.value > 0
	policy.maxagedays.value <= 90
}

deny contains res if {
	input.aws.iam
	not compliant
	res := result.new("The password policy does not expire passwords within 90 days.", policy)
}

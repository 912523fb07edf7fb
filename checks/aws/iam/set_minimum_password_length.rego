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

# METADATA
# title: "Password policy remembers the last 24 passwords"
# description: >-
#   Reusing an old password brings back a secret that may already have leaked. CIS asks that the
#   password policy remember 24 previous passwords so none of them can be chosen again.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html
# custom:
#   id: AVD-AWS-0056
#   avd_id: AVD-AWS-0056
#   provider: aws
#   impact: >-
#     When people can reuse old passwords, a password leaked once keeps working after every forced
#     change.
#   remediation:
#     console: >-
#       IAM console > Account settings > Password policy > Edit: Prevent password reuse, remember 24
#       passwords.
#     cli: >-
#       aws iam update-account-password-policy --password-reuse-prevention 24
#       --minimum-password-length 14 --require-symbols --require-numbers
#       --require-uppercase-characters --require-lowercase-characters --max-password-age 90 #
#       update-account-password-policy replaces the whole policy: pass every setting you want
#     terraform: >-
#       aws_iam_account_password_policy: password_reuse_prevention = 24
#   service: iam
#   severity: MEDIUM
#   short_code: no-password-reuse
#   recommended_action: "Set 'Prevent password reuse' to 24 in the IAM account password policy."
#   frameworks:
#     cis-aws-1.2:
#       - "1.10"
#     cis-aws-1.4:
#       - "1.9"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0056

import rego.v1

# The account's password policy; {} when the account has none, which fails.
policy := object.get(input.aws.iam, "passwordpolicy", {})

compliant if {
	policy.reusepreventioncount.value >= 24
}

deny contains res if {
	input.aws.iam
	not compliant
	res := result.new("The password policy does not prevent reuse of the last 24 passwords.", policy)
}

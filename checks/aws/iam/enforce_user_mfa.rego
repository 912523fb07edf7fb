# METADATA
# title: "IAM users with a console password have MFA"
# description: >-
#   A console password alone can be phished or guessed. Every IAM user that can sign in to the
#   console should also have an MFA device.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html
# custom:
#   id: AVD-AWS-0145
#   avd_id: AVD-AWS-0145
#   provider: aws
#   impact: >-
#     A console password without MFA is one phishing email or reused password away from an attacker
#     signing in with that user's permissions.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials > Multi-factor authentication > Assign
#       MFA device (the user can do it themselves if allowed). Or remove the console password if the
#       user does not need the console.
#     cli: >-
#       aws iam create-virtual-mfa-device --virtual-mfa-device-name USER --outfile USER-mfa.png
#       --bootstrap-method QRCodePNG && aws iam enable-mfa-device --user-name USER --serial-number
#       arn:aws:iam::ACCOUNT:mfa/USER --authentication-code1 CODE1 --authentication-code2 CODE2
#   service: iam
#   severity: MEDIUM
#   short_code: enforce-user-mfa
#   recommended_action: "Assign an MFA device to each IAM user with a console password, or remove the password."
#   frameworks:
#     cis-aws-1.2:
#       - "1.2"
#     cis-aws-1.4:
#       - "1.10"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0145

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	iam.has_console_password(user)
	not iam.has_mfa(user)
	res := result.new(sprintf("IAM user '%s' has a console password but no MFA.", [user.name.value]), user)
}

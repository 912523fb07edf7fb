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

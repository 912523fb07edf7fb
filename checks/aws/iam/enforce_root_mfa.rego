# METADATA
# title: "The root user has MFA"
# description: >-
#   Without multi-factor authentication the root user is one leaked password away from a full
#   account takeover. CIS requires MFA on root.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_mfa.html
# custom:
#   id: AVD-AWS-0142
#   avd_id: AVD-AWS-0142
#   provider: aws
#   impact: >-
#     The root user can do everything, including closing the account and changing its contact
#     details, and no policy can restrict it. Without MFA, its password alone gives an attacker the
#     whole account.
#   remediation:
#     console: >-
#       Sign in as the root user > account menu > Security credentials > Multi-factor authentication
#       > Assign MFA device, and follow the steps (a security key or hardware token is best).
#   service: iam
#   severity: CRITICAL
#   short_code: enforce-root-mfa
#   recommended_action: "Sign in as root and assign an MFA device under Security credentials."
#   frameworks:
#     cis-aws-1.2:
#       - "1.13"
#     cis-aws-1.4:
#       - "1.5"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0142

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	iam.is_root_user(user)
	not iam.has_mfa(user)
	res := result.new("The root user has no MFA device.", user)
}

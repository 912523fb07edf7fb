# METADATA
# title: "The root user has a hardware MFA device"
# description: >-
#   A virtual MFA app lives on a phone or laptop that can itself be compromised or lost. CIS asks
#   for a dedicated hardware MFA device on the root user.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_physical.html
# custom:
#   id: AVD-AWS-0165
#   avd_id: AVD-AWS-0165
#   provider: aws
#   impact: >-
#     A virtual MFA device lives on a phone or computer that can be lost, cloned or compromised. A
#     hardware device (security key or key fob) cannot be copied, which matters most for the one
#     user nothing can restrict.
#   remediation:
#     console: >-
#       Sign in as the root user > account menu > Security credentials > Multi-factor authentication
#       > Assign MFA device: Passkey or security key, or Hardware TOTP token; then remove the
#       virtual device.
#   service: iam
#   severity: MEDIUM
#   short_code: enforce-root-hardware-mfa
#   recommended_action: "Assign a hardware MFA device (key fob or security key) to the root user and remove the virtual one."
#   frameworks:
#     cis-aws-1.2:
#       - "1.14"
#     cis-aws-1.4:
#       - "1.6"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0165

import rego.v1

import data.lib.aws.iam

has_hardware_mfa(user) if {
	iam.has_mfa(user)
	some device in object.get(user, "mfadevices", [])
	device.isvirtual.value == false
}

deny contains res if {
	some user in input.aws.iam.users
	iam.is_root_user(user)
	iam.has_mfa(user)
	not has_hardware_mfa(user)
	res := result.new("The root user's MFA is a virtual device, not hardware.", user)
}

deny contains res if {
	some user in input.aws.iam.users
	iam.is_root_user(user)
	not iam.has_mfa(user)
	res := result.new("The root user has no MFA device at all, so none is hardware.", user)
}

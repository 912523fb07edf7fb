# METADATA
# title: "No IAM user has more than one active access key"
# description: >-
#   Two active keys on one user usually means a rotation that was never finished; the old key keeps
#   working. CIS allows one active key per user.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
# custom:
#   id: AVD-AWS-0167
#   avd_id: AVD-AWS-0167
#   provider: aws
#   impact: >-
#     Two active keys for one user usually means an old key that was never retired; it stays valid
#     wherever it was copied, and every extra key doubles what can leak.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials > Access keys: check Last used,
#       deactivate the key that is no longer used, wait, then delete it.
#     cli: >-
#       aws iam update-access-key --user-name USER --access-key-id OLD-KEY-ID --status Inactive &&
#       aws iam delete-access-key --user-name USER --access-key-id OLD-KEY-ID
#   service: iam
#   severity: LOW
#   short_code: limit-user-access-keys
#   recommended_action: "Find which key is still needed, deactivate the other and delete it."
#   frameworks:
#     cis-aws-1.4:
#       - "1.13"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0167

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	count(iam.active_keys(user)) > 1
	res := result.new(sprintf("IAM user '%s' has %d active access keys.", [user.name.value, count(iam.active_keys(user))]), user)
}

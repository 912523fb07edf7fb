# METADATA
# title: "Console users did not get an unused access key at setup"
# description: >-
#   An access key created together with a console user and never used is a credential nobody needs;
#   it only waits to leak. CIS asks not to create keys during initial user setup, and to remove
#   those that were.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
# custom:
#   id: OSP-AWS-0003
#   avd_id: OSP-AWS-0003
#   provider: aws
#   impact: >-
#     Keys created with a console user "just in case" are never used but stay valid; they are
#     long-lived credentials waiting to be leaked.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials > Access keys: delete keys whose Last
#       used shows N/A.
#     cli: >-
#       aws iam delete-access-key --user-name USER --access-key-id KEY-ID
#   service: iam
#   severity: LOW
#   short_code: no-access-keys-at-user-setup
#   recommended_action: "Delete access keys of console users that have never been used."
#   frameworks:
#     cis-aws-1.2:
#       - "1.21"
#     cis-aws-1.4:
#       - "1.11"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.osp0003

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	user.passwordenabled.value == true
	some key in iam.active_keys(user)
	not key.lastaccess
	res := result.new(sprintf("Console user '%s' has an active access key that was never used.", [user.name.value]), key)
}

# METADATA
# title: "Customer managed KMS keys are not scheduled for deletion"
# description: >-
#   A KMS key scheduled for deletion is destroyed when its waiting period ends, and every piece of
#   data encrypted under it becomes unreadable for good. The schedule can still be cancelled until
#   then.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html
# custom:
#   id: OSP-AWS-0176
#   avd_id: OSP-AWS-0176
#   provider: aws
#   impact: >-
#     If the deletion was a mistake, or the key still protects data, that data is lost once the
#     waiting period ends.
#   remediation:
#     console: >-
#       KMS console > Customer managed keys > the key > Key actions > Cancel key deletion (then enable
#       the key).
#     cli: >-
#       aws kms cancel-key-deletion --key-id KEY-ID && aws kms enable-key --key-id KEY-ID
#     terraform: >-
#       aws_kms_key: keep the resource in the configuration (deletion_window_in_days only applies when
#       it is destroyed)
#   service: kms
#   severity: CRITICAL
#   short_code: no-pending-deletion
#   recommended_action: "Cancel the key's deletion unless no data depends on it."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: kms
#             provider: aws
package builtin.aws.kms.osp0176

import rego.v1

deny contains res if {
	some key in input.aws.kms.keys
	key.manager.value == "CUSTOMER"
	key.keystate.value == "PendingDeletion"
	res := result.new(sprintf("KMS key '%s' is scheduled for deletion.", [object.get(key, ["id", "value"], "")]), key.keystate)
}

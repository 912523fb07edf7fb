# METADATA
# title: "Customer managed symmetric KMS keys rotate yearly"
# description: >-
#   Automatic rotation gives a customer managed key new key material every year, limiting how much
#   data any one version protects. CIS asks for it on every customer managed symmetric encryption
#   key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html
# custom:
#   id: AVD-AWS-0065
#   avd_id: AVD-AWS-0065
#   provider: aws
#   impact: >-
#     Rotation creates new key material every year, so data encrypted later is protected by fresh
#     material and a compromised older version has less reach. Old versions are kept, so nothing
#     needs re-encrypting.
#   remediation:
#     console: >-
#       KMS console > Customer managed keys > the key > Key rotation: Automatically rotate this KMS
#       key every year.
#     cli: >-
#       aws kms enable-key-rotation --key-id KEY-ID
#     terraform: >-
#       aws_kms_key: enable_key_rotation = true
#   service: kms
#   severity: MEDIUM
#   short_code: auto-rotate-keys
#   recommended_action: "Enable automatic key rotation on the key (aws kms enable-key-rotation)."
#   frameworks:
#     cis-aws-1.2:
#       - "2.8"
#     cis-aws-1.4:
#       - "3.8"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: kms
#             provider: aws
package builtin.aws.kms.aws0065

import rego.v1

# osprey fills rotationenabled only for customer managed symmetric keys that
# are not pending deletion; Trivy-style inputs lack the manager and spec fields.
applies(key) if {
	object.get(key, ["usage", "value"], "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
	object.get(key, ["manager", "value"], "CUSTOMER") == "CUSTOMER"
	object.get(key, ["keyspec", "value"], "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not object.get(key, ["keystate", "value"], "Enabled") in {"PendingDeletion", "PendingReplicaDeletion"}
}

deny contains res if {
	some key in input.aws.kms.keys
	applies(key)
	not key.rotationenabled.value == true
	res := result.new(sprintf("KMS key '%s' does not rotate automatically.", [object.get(key, ["id", "value"], object.get(key, ["arn", "value"], "?"))]), key)
}

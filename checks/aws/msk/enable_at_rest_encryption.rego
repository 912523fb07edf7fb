# METADATA
# title: "MSK clusters encrypt data at rest"
# description: >-
#   Broker storage is encrypted with a KMS key; a cluster without encryption at rest would keep
#   messages on disk in clear.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: AVD-AWS-0179
#   avd_id: AVD-AWS-0179
#   provider: aws
#   impact: >-
#     Messages on broker volumes would be readable from the storage.
#   remediation:
#     console: >-
#       MSK encrypts every cluster at rest; to use a customer managed key, create a new cluster
#       with it.
#     cli: >-
#       aws kafka create-cluster ... --encryption-info
#       '{"EncryptionAtRest":{"DataVolumeKMSKeyId":"KEY-ARN"}}'
#     terraform: >-
#       aws_msk_cluster: encryption_info { encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn }
#   service: msk
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Encrypt the cluster at rest."
#   retired: "MSK has encrypted every cluster at rest since launch (an AWS managed key when none is chosen), so this cannot fail on a real cluster; kept for inputs in Trivy's shape."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.aws0179

import rego.v1

deny contains res if {
	some c in input.aws.msk.clusters
	not c.clustertype.value == "SERVERLESS"
	not c.encryptionatrest.enabled.value == true
	res := result.new(sprintf("MSK cluster '%s' does not encrypt data at rest.", [object.get(c, ["name", "value"], "")]), object.get(c, "encryptionatrest", c))
}

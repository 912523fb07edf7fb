# METADATA
# title: "Neptune clusters are encrypted at rest"
# description: >-
#   Encryption at rest covers a Neptune cluster's storage, its instances, automated backups and
#   snapshots. It can only be chosen when the cluster is created. (FSBP Neptune.1.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
# custom:
#   id: AVD-AWS-0076
#   avd_id: AVD-AWS-0076
#   provider: aws
#   impact: >-
#     The graph data, its backups and snapshots are stored in clear, outside KMS access control and
#     audit.
#   remediation:
#     console: >-
#       Neptune console: an existing cluster cannot be encrypted. Take a snapshot, restore it as a
#       new cluster with encryption enabled (the restore can add a KMS key), move the clients,
#       delete the old cluster.
#     cli: >-
#       aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier NEW
#       --snapshot-identifier SNAP --engine neptune --kms-key-id
#       arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_neptune_cluster: storage_encrypted = true (kms_key_arn = aws_kms_key.neptune.arn)
#   service: neptune
#   severity: HIGH
#   short_code: enable-storage-encryption
#   recommended_action: "Re-create the cluster with storage encryption and move the data to it."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.aws0076

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clusters
	not c.storageencrypted.value == true
	res := result.new(sprintf("Neptune cluster '%s' is not encrypted at rest.", [name(c)]), object.get(c, "storageencrypted", c))
}

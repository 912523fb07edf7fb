# METADATA
# title: "DocumentDB clusters are encrypted at rest"
# description: >-
#   Encryption at rest covers a DocumentDB cluster's storage, instances, backups and snapshots. It
#   can only be chosen when the cluster is created. (FSBP DocumentDB.1.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
# custom:
#   id: AVD-AWS-0021
#   avd_id: AVD-AWS-0021
#   provider: aws
#   impact: >-
#     The documents, their backups and snapshots are stored in clear, outside KMS access control and
#     audit.
#   remediation:
#     console: >-
#       DocumentDB console: an existing cluster cannot be encrypted. Snapshot it, restore the
#       snapshot as a new cluster with encryption (and a KMS key), move the clients, delete the old
#       cluster.
#     cli: >-
#       aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier NEW --snapshot-identifier
#       SNAP --engine docdb --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_docdb_cluster: storage_encrypted = true (kms_key_id = aws_kms_key.docdb.arn)
#   service: documentdb
#   severity: HIGH
#   short_code: enable-storage-encryption
#   recommended_action: "Re-create the cluster with storage encryption and move the data to it."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
package builtin.aws.documentdb.aws0021

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.documentdb.clusters
	not c.storageencrypted.value == true
	res := result.new(sprintf("DocumentDB cluster '%s' is not encrypted at rest.", [name(c)]), object.get(c, "storageencrypted", c))
}

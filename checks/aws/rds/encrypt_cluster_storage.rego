# METADATA
# title: "RDS clusters are encrypted at rest"
# description: >-
#   An encrypted DB cluster encrypts its storage, automated backups, snapshots and replicas with a
#   KMS key. Any KMS key satisfies this check, the AWS managed aws/rds key included; AVD-AWS-0079
#   asks for a customer managed key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
# custom:
#   id: OSP-AWS-0164
#   avd_id: OSP-AWS-0164
#   provider: aws
#   impact: >-
#     The cluster's data, its backups and snapshots are stored unencrypted; anyone who obtains a copy
#     of the storage or a shared snapshot reads it.
#   remediation:
#     console: >-
#       Encryption is chosen at creation: RDS console > Snapshots > take a snapshot of the cluster >
#       Copy snapshot with encryption enabled > Restore a new cluster from the encrypted copy and move
#       clients to it.
#     cli: >-
#       aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SNAP --target-db-
#       cluster-snapshot-identifier SNAP-ENC --kms-key-id alias/aws/rds && aws rds restore-db-cluster-
#       from-snapshot --db-cluster-identifier NEW --snapshot-identifier SNAP-ENC --engine ENGINE
#     terraform: >-
#       aws_rds_cluster: storage_encrypted = true (kms_key_id optional)
#   service: rds
#   severity: MEDIUM
#   short_code: enable-cluster-storage-encryption
#   recommended_action: "Recreate the cluster with storage encryption from an encrypted snapshot copy."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.osp0164

import rego.v1

deny contains res if {
	some cluster in input.aws.rds.clusters
	cluster.encryption.encryptstorage.value == false
	res := result.new(sprintf("DB cluster '%s' is not encrypted at rest.", [object.get(cluster, ["clusteridentifier", "value"], "")]), cluster.encryption.encryptstorage)
}

# METADATA
# title: "RDS clusters are encrypted with a customer managed key"
# description: >-
#   A DB cluster's storage, backups and snapshots should be encrypted, with a customer managed KMS key
#   so that who may decrypt them is under your control. The key the cluster names is resolved through
#   the region's KMS keys and aliases: the AWS managed aws/rds key does not count.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
# custom:
#   id: AVD-AWS-0079
#   avd_id: AVD-AWS-0079
#   provider: aws
#   impact: >-
#     Unencrypted storage and snapshots expose data to anyone who obtains the media or a copy; with
#     the AWS managed key, anyone allowed to use RDS in the account can use the key, and encrypted
#     snapshots cannot be shared with other accounts.
#   remediation:
#     console: >-
#       Encryption is chosen at creation: take a snapshot, copy it with 'Enable encryption' and your
#       customer managed key (RDS console > Snapshots > Actions > Copy snapshot), restore a new
#       cluster from the copy and switch clients to it.
#     cli: >-
#       aws rds copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SNAP --target-db-
#       cluster-snapshot-identifier SNAP-CMK --kms-key-id KEY-ARN; aws rds restore-db-cluster-from-
#       snapshot --snapshot-identifier SNAP-CMK ...
#     terraform: >-
#       aws_rds_cluster: storage_encrypted = true, kms_key_id = aws_kms_key.rds.arn
#   service: rds
#   severity: HIGH
#   short_code: encrypt-cluster-storage-data
#   recommended_action: "Encrypt the cluster with a customer managed KMS key (restore from an encrypted copy of a snapshot)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.rds.aws0079

import rego.v1

import data.lib.aws.kms

deny contains res if {
	some cluster in input.aws.rds.clusters
	not cluster.encryption.encryptstorage.value == true
	res := result.new(sprintf("DB cluster '%s' is not encrypted.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), object.get(cluster, ["encryption", "encryptstorage"], cluster))
}

deny contains res if {
	some cluster in input.aws.rds.clusters
	cluster.encryption.encryptstorage.value == true
	not kms.is_customer_managed(object.get(cluster, ["encryption", "kmskeyid", "value"], ""))
	res := result.new(sprintf("DB cluster '%s' is encrypted with an AWS managed key, not a customer managed one.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), object.get(cluster, ["encryption", "kmskeyid"], cluster.encryption))
}

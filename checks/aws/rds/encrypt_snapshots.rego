# METADATA
# title: "Manual RDS snapshots are encrypted"
# description: >-
#   A snapshot of an unencrypted DB instance or cluster is itself unencrypted. Copying it with a KMS
#   key gives an encrypted snapshot to keep, share or restore from. osprey reads manual DB and
#   cluster snapshots.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_CopySnapshot.html
# custom:
#   id: OSP-AWS-0173
#   avd_id: OSP-AWS-0173
#   provider: aws
#   impact: >-
#     Anyone who can read, copy or is shared the snapshot gets the database's data in clear.
#   remediation:
#     console: >-
#       RDS console > Snapshots > the snapshot > Actions > Copy snapshot: Enable encryption with a KMS
#       key; then delete the unencrypted snapshot.
#     cli: >-
#       aws rds copy-db-snapshot --source-db-snapshot-identifier SNAP --target-db-snapshot-identifier
#       SNAP-ENC --kms-key-id alias/aws/rds (clusters: aws rds copy-db-cluster-snapshot ... --kms-key-id
#       ...)
#     terraform: >-
#       aws_db_snapshot_copy: kms_key_id = aws_kms_key.rds.arn (the source instance: storage_encrypted =
#       true)
#   service: rds
#   severity: MEDIUM
#   short_code: encrypt-snapshots
#   recommended_action: "Copy the snapshot with encryption and delete the unencrypted one; encrypt the source database."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.osp0173

import rego.v1

deny contains res if {
	some snap in input.aws.rds.snapshots
	snap.encrypted.value == false
	res := result.new(sprintf("DB snapshot '%s' is not encrypted.", [object.get(snap, ["dbsnapshotidentifier", "value"], "")]), snap.encrypted)
}

deny contains res if {
	some snap in input.aws.rds.clustersnapshots
	snap.encrypted.value == false
	res := result.new(sprintf("DB cluster snapshot '%s' is not encrypted.", [object.get(snap, ["dbclustersnapshotidentifier", "value"], "")]), snap.encrypted)
}

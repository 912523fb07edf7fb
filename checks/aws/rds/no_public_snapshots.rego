# METADATA
# title: "Manual RDS snapshots are not public"
# description: >-
#   A manual DB or cluster snapshot whose 'restore' attribute includes 'all' can be copied and
#   restored by any AWS account.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html
# custom:
#   id: OSP-AWS-0011
#   avd_id: OSP-AWS-0011
#   provider: aws
#   impact: >-
#     Anyone with an AWS account can restore a public snapshot into their own account and read every
#     row of the database.
#   remediation:
#     console: >-
#       RDS console > Snapshots > Manual > the snapshot > Actions > Share snapshot: DB snapshot
#       visibility: Private.
#     cli: >-
#       aws rds modify-db-snapshot-attribute --db-snapshot-identifier SNAP --attribute-name restore
#       --values-to-remove all (clusters: aws rds modify-db-cluster-snapshot-attribute --db-cluster-
#       snapshot-identifier SNAP --attribute-name restore --values-to-remove all)
#     terraform: >-
#       aws_db_snapshot / aws_db_cluster_snapshot: shared_accounts without all
#   service: rds
#   severity: HIGH
#   short_code: no-public-snapshots
#   recommended_action: "Make the snapshot private; share it with named accounts only."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.osp0011

import rego.v1

public(snap) if {
	some attr in snap.snapshotattributes
	object.get(attr, ["attributename", "value"], "restore") == "restore"
	some v in attr.attributevalues
	v.value == "all"
}

deny contains res if {
	some snap in input.aws.rds.snapshots
	public(snap)
	res := result.new(sprintf("DB snapshot '%s' can be restored by any AWS account.", [object.get(snap, ["dbsnapshotidentifier", "value"], "?")]), snap)
}

deny contains res if {
	some snap in input.aws.rds.clustersnapshots
	public(snap)
	res := result.new(sprintf("DB cluster snapshot '%s' can be restored by any AWS account.", [object.get(snap, ["dbclustersnapshotidentifier", "value"], "?")]), snap)
}

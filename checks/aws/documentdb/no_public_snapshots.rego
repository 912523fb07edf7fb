# METADATA
# title: "DocumentDB manual cluster snapshots are not public"
# description: >-
#   A manual cluster snapshot whose restore attribute holds "all" can be copied and restored by any
#   AWS account. Only manual snapshots can be shared. (FSBP DocumentDB.3.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore-share_cluster_snapshots.html
# custom:
#   id: OSP-AWS-0134
#   avd_id: OSP-AWS-0134
#   provider: aws
#   impact: >-
#     Anyone with an AWS account restores the snapshot into their own account and reads every record
#     in it.
#   remediation:
#     console: >-
#       DocumentDB console > Snapshots > the snapshot > Actions > Share snapshot: Private (or named
#       accounts only).
#     cli: >-
#       aws docdb modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier SNAPSHOT
#       --attribute-name restore --values-to-remove all
#     terraform: >-
#       Terraform has no snapshot sharing argument: remove the share with the CLI and keep snapshots
#       private.
#   service: documentdb
#   severity: CRITICAL
#   short_code: no-public-snapshots
#   recommended_action: "Make the snapshot private; share it with named accounts only."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
package builtin.aws.documentdb.osp0134

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.documentdb.clustersnapshots
	some attr in c.snapshotattributes
	object.get(attr, ["attributename", "value"], "restore") == "restore"
	some v in attr.attributevalues
	v.value == "all"
	res := result.new(sprintf("DocumentDB cluster snapshot '%s' can be restored by any AWS account.", [name(c)]), c)
}

# METADATA
# title: "DocumentDB clusters keep automated backups for at least 7 days"
# description: >-
#   Automated backups allow point-in-time restore within the retention period (1 to 35 days). A
#   retention of less than seven days leaves too short a window to notice corruption or a bad change
#   and restore from before it. (FSBP DocumentDB.2.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/backup_restore-understanding_backups.html
# custom:
#   id: OSP-AWS-0133
#   avd_id: OSP-AWS-0133
#   provider: aws
#   impact: >-
#     Data damaged by a faulty job, an attacker or ransomware can only be restored to a point inside
#     the short window.
#   remediation:
#     console: >-
#       DocumentDB console > Clusters > the cluster > Modify > Backup retention period: 7 days or
#       more.
#     cli: >-
#       aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --backup-retention-period 7
#       --apply-immediately
#     terraform: >-
#       aws_docdb_cluster: backup_retention_period = 7
#   service: documentdb
#   severity: MEDIUM
#   short_code: backup-retention
#   recommended_action: "Keep automated backups for at least 7 days."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
package builtin.aws.documentdb.osp0133

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.documentdb.clusters
	c.backupretentionperiod.value < 7
	res := result.new(sprintf("DocumentDB cluster '%s' keeps automated backups for %d day(s), fewer than 7.", [name(c), c.backupretentionperiod.value]), c.backupretentionperiod)
}

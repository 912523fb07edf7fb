# METADATA
# title: "RDS automated backups are kept for at least two days"
# description: >-
#   Automated backups allow point-in-time restore within the retention period. One day (the API
#   default) leaves little time to notice a problem. Read replicas and cluster members take their
#   backups from the source or the cluster and are not judged.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html
# custom:
#   id: AVD-AWS-0077
#   avd_id: AVD-AWS-0077
#   provider: aws
#   impact: >-
#     With a retention of one day or less, data lost or corrupted over a weekend cannot be restored
#     from automated backups.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance or cluster > Modify > Backup retention period: 7 days
#       or more > Apply immediately.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --backup-retention-period 7 --apply-
#       immediately (clusters: aws rds modify-db-cluster --db-cluster-identifier CLUSTER-ID --backup-
#       retention-period 7)
#     terraform: >-
#       aws_db_instance / aws_rds_cluster: backup_retention_period = 7
#   service: rds
#   severity: MEDIUM
#   short_code: specify-backup-retention
#   recommended_action: "Keep automated backups for at least 2 days (7 or more is common)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0077

import rego.v1

replica(x) if object.get(x, ["replicationsourcearn", "value"], "") != ""

member(instance) if object.get(instance, ["clusteridentifier", "value"], "") != ""

deny contains res if {
	some instance in input.aws.rds.instances
	not replica(instance)
	not member(instance)
	instance.backupretentionperioddays.value < 2
	res := result.new(sprintf("DB instance '%s' keeps automated backups for %d day(s).", [object.get(instance, ["dbinstanceidentifier", "value"], "?"), instance.backupretentionperioddays.value]), instance.backupretentionperioddays)
}

deny contains res if {
	some cluster in input.aws.rds.clusters
	not replica(cluster)
	cluster.backupretentionperioddays.value < 2
	res := result.new(sprintf("DB cluster '%s' keeps automated backups for %d day(s).", [object.get(cluster, ["clusteridentifier", "value"], "?"), cluster.backupretentionperioddays.value]), cluster.backupretentionperioddays)
}

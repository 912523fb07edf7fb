# METADATA
# title: "RDS MySQL and PostgreSQL databases accept IAM authentication"
# description: >-
#   IAM database authentication lets users and roles connect with short-lived tokens instead of long-
#   lived database passwords. Judged on MySQL and PostgreSQL instances and on Aurora MySQL /
#   PostgreSQL and Multi-AZ clusters, where the cluster holds the setting.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html
# custom:
#   id: AVD-AWS-0176
#   avd_id: AVD-AWS-0176
#   provider: aws
#   impact: >-
#     Without IAM authentication every client needs a stored database password, which is hard to
#     rotate and cannot be tied to an IAM identity or revoked centrally.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance or cluster > Modify > Database authentication: Password
#       and IAM database authentication > Apply immediately.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --enable-iam-database-authentication
#       --apply-immediately (clusters: aws rds modify-db-cluster --db-cluster-identifier CLUSTER-ID
#       --enable-iam-database-authentication)
#     terraform: >-
#       aws_db_instance / aws_rds_cluster: iam_database_authentication_enabled = true
#   service: rds
#   severity: MEDIUM
#   short_code: enable-iam-auth
#   recommended_action: "Enable IAM database authentication and connect with IAM tokens."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0176

import rego.v1

instance_engines := {"mysql", "postgres"}

cluster_engines := {"aurora-mysql", "aurora-postgresql", "mysql", "postgres"}

deny contains res if {
	some instance in input.aws.rds.instances
	instance.engine.value in instance_engines
	object.get(instance, ["clusteridentifier", "value"], "") == ""
	not instance.iamauthenabled.value == true
	res := result.new(sprintf("DB instance '%s' does not accept IAM authentication.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), object.get(instance, "iamauthenabled", instance))
}

# Aurora (which Trivy ignores) and Multi-AZ clusters: the cluster's setting.
deny contains res if {
	some cluster in input.aws.rds.clusters
	cluster.engine.value in cluster_engines
	cluster.iamauthenabled.value == false
	res := result.new(sprintf("DB cluster '%s' does not accept IAM authentication.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), cluster.iamauthenabled)
}

# METADATA
# title: "RDS Performance Insights is enabled"
# description: >-
#   Performance Insights records database load by wait event, SQL statement, host and user, which is
#   what one needs to find the cause of a slowdown or an unusual query pattern.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.html
# custom:
#   id: AVD-AWS-0133
#   avd_id: AVD-AWS-0133
#   provider: aws
#   impact: >-
#     Without Performance Insights there is no history of database load to diagnose a slowdown or spot
#     abnormal query activity.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance > Modify > Monitoring: Turn on Performance Insights >
#       Apply immediately.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --enable-performance-insights
#       --apply-immediately
#     terraform: >-
#       aws_db_instance: performance_insights_enabled = true (aws_rds_cluster for Multi-AZ DB
#       clusters)
#   service: rds
#   severity: LOW
#   short_code: enable-performance-insights
#   recommended_action: "Turn on Performance Insights."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0133

import rego.v1

deny contains res if {
	some instance in input.aws.rds.instances
	not instance.performanceinsights.enabled.value == true
	res := result.new(sprintf("DB instance '%s' does not have Performance Insights enabled.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), object.get(instance, ["performanceinsights", "enabled"], instance))
}

# Aurora clusters have no cluster-level setting: their instances are judged above.
deny contains res if {
	some cluster in input.aws.rds.clusters
	not startswith(object.get(cluster, ["engine", "value"], ""), "aurora")
	not cluster.performanceinsights.enabled.value == true
	res := result.new(sprintf("DB cluster '%s' does not have Performance Insights enabled.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), object.get(cluster, ["performanceinsights", "enabled"], cluster))
}

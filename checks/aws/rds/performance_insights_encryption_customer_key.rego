# METADATA
# title: "RDS Performance Insights data is encrypted with a customer managed key"
# description: >-
#   Performance Insights keeps SQL text and load data, encrypted with a KMS key. The key is resolved
#   through the region's KMS keys and aliases: the AWS managed aws/rds key does not count.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PerfInsights.access-control.cmk-policy.html
# custom:
#   id: AVD-AWS-0078
#   avd_id: AVD-AWS-0078
#   provider: aws
#   impact: >-
#     With the AWS managed key, anyone allowed to use RDS in the account can read the statements
#     Performance Insights recorded; a customer managed key lets you limit and audit that.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance > Modify > Monitoring > Performance Insights: AWS KMS
#       key: your customer managed key (the key can only be chosen when Performance Insights is turned
#       on: turn it off and on again).
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --enable-performance-insights
#       --performance-insights-kms-key-id KEY-ARN --apply-immediately
#     terraform: >-
#       aws_db_instance: performance_insights_enabled = true, performance_insights_kms_key_id =
#       aws_kms_key.pi.arn
#   service: rds
#   severity: LOW
#   short_code: performance-insights-encryption-customer-key
#   recommended_action: "Use a customer managed KMS key for Performance Insights."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.rds.aws0078

import rego.v1

import data.lib.aws.kms

not_customer_key(x) if {
	x.performanceinsights.enabled.value == true
	not kms.is_customer_managed(object.get(x, ["performanceinsights", "kmskeyid", "value"], ""))
}

deny contains res if {
	some instance in input.aws.rds.instances
	not_customer_key(instance)
	res := result.new(sprintf("Performance Insights of DB instance '%s' is not encrypted with a customer managed key.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), instance.performanceinsights)
}

deny contains res if {
	some cluster in input.aws.rds.clusters
	not_customer_key(cluster)
	res := result.new(sprintf("Performance Insights of DB cluster '%s' is not encrypted with a customer managed key.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), cluster.performanceinsights)
}

# METADATA
# title: "A log metric filter and alarm exist for use of the root user"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts use of the root user, and an alarm on that metric notifies an SNS topic that
#   someone subscribes to. Without it, use of the root user go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0149
#   avd_id: AVD-AWS-0149
#   provider: aws
#   impact: >-
#     The root user should almost never be used; any activity by it is either a rare planned task or
#     a compromise, and you want to know which at once.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS
#       && $.eventType != "AwsServiceEvent" }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name root-usage
#       --metric-transformations metricName=root-usage,metricNamespace=CISBenchmark,metricValue=1
#       --filter-pattern '{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS &&
#       $.eventType != "AwsServiceEvent" }' && aws cloudwatch put-metric-alarm --alarm-name
#       root-usage --metric-name root-usage --namespace CISBenchmark --statistic Sum --period 300
#       --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold
#       --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "root-usage", namespace = "CISBenchmark", value = "1" }) and
#       aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions = [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-root-user-usage-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for use of the root user, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.3"
#     cis-aws-1.4:
#       - "4.3"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudwatch
#             provider: aws
#           - service: cloudtrail
#             provider: aws
#           - service: sns
#             provider: aws
package builtin.aws.cloudwatch.aws0149

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.userIdentity.type = \"Root\"",
	"$.userIdentity.invokedBy NOT EXISTS",
	"$.eventType != \"AwsServiceEvent\""
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for use of the root user: %s.", [failure[1]]), failure[0])
}

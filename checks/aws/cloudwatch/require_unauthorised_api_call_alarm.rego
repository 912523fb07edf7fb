# METADATA
# title: "A log metric filter and alarm exist for unauthorized API calls"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts unauthorized API calls, and an alarm on that metric notifies an SNS topic that
#   someone subscribes to. Without it, unauthorized API calls go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0147
#   avd_id: AVD-AWS-0147
#   provider: aws
#   impact: >-
#     A burst of AccessDenied and UnauthorizedOperation errors is how an intruder probing stolen
#     credentials, or a misbehaving tool, shows up. Without an alarm nobody notices until the damage
#     is done.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.errorCode = "*UnauthorizedOperation") || ($.errorCode =
#       "AccessDenied*") }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name
#       unauthorized-api-calls --metric-transformations
#       metricName=unauthorized-api-calls,metricNamespace=CISBenchmark,metricValue=1
#       --filter-pattern '{ ($.errorCode = "*UnauthorizedOperation") || ($.errorCode =
#       "AccessDenied*") }' && aws cloudwatch put-metric-alarm --alarm-name unauthorized-api-calls
#       --metric-name unauthorized-api-calls --namespace CISBenchmark --statistic Sum --period 300
#       --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold
#       --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "unauthorized-api-calls", namespace = "CISBenchmark", value =
#       "1" }) and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions =
#       [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-unauthorised-api-call-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for unauthorized API calls, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.1"
#     cis-aws-1.4:
#       - "4.1"
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
package builtin.aws.cloudwatch.aws0147

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.errorCode = \"*UnauthorizedOperation\"",
	"$.errorCode = \"AccessDenied*\""
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for unauthorized API calls: %s.", [failure[1]]), failure[0])
}

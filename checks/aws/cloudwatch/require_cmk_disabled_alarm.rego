# METADATA
# title: "A log metric filter and alarm exist for disabling or scheduled deletion of customer managed keys"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts disabling or scheduled deletion of customer managed keys, and an alarm on that
#   metric notifies an SNS topic that someone subscribes to. Without it, disabling or scheduled
#   deletion of customer managed keys go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0153
#   avd_id: AVD-AWS-0153
#   provider: aws
#   impact: >-
#     Disabling or deleting a KMS key makes everything encrypted with it unreadable; it can be
#     sabotage or a ransom attempt, and the deletion waiting period is your window to cancel it.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) ||
#       ($.eventName = ScheduleKeyDeletion)) }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name
#       cmk-disable-or-deletion --metric-transformations
#       metricName=cmk-disable-or-deletion,metricNamespace=CISBenchmark,metricValue=1
#       --filter-pattern '{ ($.eventSource = kms.amazonaws.com) && (($.eventName = DisableKey) ||
#       ($.eventName = ScheduleKeyDeletion)) }' && aws cloudwatch put-metric-alarm --alarm-name
#       cmk-disable-or-deletion --metric-name cmk-disable-or-deletion --namespace CISBenchmark
#       --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator
#       GreaterThanOrEqualToThreshold --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "cmk-disable-or-deletion", namespace = "CISBenchmark", value
#       = "1" }) and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions =
#       [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-cmk-disabled-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for disabling or scheduled deletion of customer managed keys, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.7"
#     cis-aws-1.4:
#       - "4.7"
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
package builtin.aws.cloudwatch.aws0153

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.eventSource = kms.amazonaws.com",
	"$.eventName = DisableKey",
	"$.eventName = ScheduleKeyDeletion"
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for disabling or scheduled deletion of customer managed keys: %s.", [failure[1]]), failure[0])
}

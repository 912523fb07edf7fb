# METADATA
# title: "A log metric filter and alarm exist for console sign-in without MFA"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts console sign-in without MFA, and an alarm on that metric notifies an SNS topic
#   that someone subscribes to. Without it, console sign-in without MFA go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0148
#   avd_id: AVD-AWS-0148
#   provider: aws
#   impact: >-
#     A console sign-in without MFA may be a stolen password in use; an alarm lets you react while
#     the session is still open.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed !=
#       "Yes") }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name
#       console-signin-without-mfa --metric-transformations
#       metricName=console-signin-without-mfa,metricNamespace=CISBenchmark,metricValue=1
#       --filter-pattern '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed !=
#       "Yes") }' && aws cloudwatch put-metric-alarm --alarm-name console-signin-without-mfa
#       --metric-name console-signin-without-mfa --namespace CISBenchmark --statistic Sum --period
#       300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold
#       --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "console-signin-without-mfa", namespace = "CISBenchmark",
#       value = "1" }) and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions =
#       [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-non-mfa-login-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for console sign-in without MFA, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.2"
#     cis-aws-1.4:
#       - "4.2"
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
package builtin.aws.cloudwatch.aws0148

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.eventName = \"ConsoleLogin\"",
	"$.additionalEventData.MFAUsed != \"Yes\""
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for console sign-in without MFA: %s.", [failure[1]]), failure[0])
}

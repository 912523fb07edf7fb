# METADATA
# title: "A log metric filter and alarm exist for security group changes"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts security group changes, and an alarm on that metric notifies an SNS topic that
#   someone subscribes to. Without it, security group changes go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0156
#   avd_id: AVD-AWS-0156
#   provider: aws
#   impact: >-
#     Security group changes open and close network paths; an unexpected one may expose a database
#     or admin port to the internet.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName =
#       AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName
#       = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName =
#       DeleteSecurityGroup) }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name
#       security-group-changes --metric-transformations
#       metricName=security-group-changes,metricNamespace=CISBenchmark,metricValue=1
#       --filter-pattern '{ ($.eventName = AuthorizeSecurityGroupIngress) || ($.eventName =
#       AuthorizeSecurityGroupEgress) || ($.eventName = RevokeSecurityGroupIngress) || ($.eventName
#       = RevokeSecurityGroupEgress) || ($.eventName = CreateSecurityGroup) || ($.eventName =
#       DeleteSecurityGroup) }' && aws cloudwatch put-metric-alarm --alarm-name
#       security-group-changes --metric-name security-group-changes --namespace CISBenchmark
#       --statistic Sum --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator
#       GreaterThanOrEqualToThreshold --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "security-group-changes", namespace = "CISBenchmark", value =
#       "1" }) and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions =
#       [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-sg-change-alarms
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for security group changes, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.10"
#     cis-aws-1.4:
#       - "4.10"
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
package builtin.aws.cloudwatch.aws0156

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.eventName = AuthorizeSecurityGroupIngress",
	"$.eventName = AuthorizeSecurityGroupEgress",
	"$.eventName = RevokeSecurityGroupIngress",
	"$.eventName = RevokeSecurityGroupEgress",
	"$.eventName = CreateSecurityGroup",
	"$.eventName = DeleteSecurityGroup"
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for security group changes: %s.", [failure[1]]), failure[0])
}

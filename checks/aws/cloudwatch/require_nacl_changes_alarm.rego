# METADATA
# title: "A log metric filter and alarm exist for network ACL changes"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts network ACL changes, and an alarm on that metric notifies an SNS topic that
#   someone subscribes to. Without it, network ACL changes go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0157
#   avd_id: AVD-AWS-0157
#   provider: aws
#   impact: >-
#     Network ACL changes alter what traffic reaches whole subnets; an unexpected one can silently
#     open or cut off a network.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.eventName = CreateNetworkAcl) || ($.eventName =
#       CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName =
#       DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName =
#       ReplaceNetworkAclAssociation) }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name nacl-changes
#       --metric-transformations metricName=nacl-changes,metricNamespace=CISBenchmark,metricValue=1
#       --filter-pattern '{ ($.eventName = CreateNetworkAcl) || ($.eventName =
#       CreateNetworkAclEntry) || ($.eventName = DeleteNetworkAcl) || ($.eventName =
#       DeleteNetworkAclEntry) || ($.eventName = ReplaceNetworkAclEntry) || ($.eventName =
#       ReplaceNetworkAclAssociation) }' && aws cloudwatch put-metric-alarm --alarm-name
#       nacl-changes --metric-name nacl-changes --namespace CISBenchmark --statistic Sum --period
#       300 --evaluation-periods 1 --threshold 1 --comparison-operator GreaterThanOrEqualToThreshold
#       --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "nacl-changes", namespace = "CISBenchmark", value = "1" })
#       and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions = [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-nacl-changes-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for network ACL changes, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.11"
#     cis-aws-1.4:
#       - "4.11"
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
package builtin.aws.cloudwatch.aws0157

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.eventName = CreateNetworkAcl",
	"$.eventName = CreateNetworkAclEntry",
	"$.eventName = DeleteNetworkAcl",
	"$.eventName = DeleteNetworkAclEntry",
	"$.eventName = ReplaceNetworkAclEntry",
	"$.eventName = ReplaceNetworkAclAssociation"
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for network ACL changes: %s.", [failure[1]]), failure[0])
}

# METADATA
# title: "A log metric filter and alarm exist for IAM policy changes"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts IAM policy changes, and an alarm on that metric notifies an SNS topic that someone
#   subscribes to. Without it, IAM policy changes go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0150
#   avd_id: AVD-AWS-0150
#   provider: aws
#   impact: >-
#     Changes to IAM policies change who can do what; an unexpected one may be an attacker granting
#     themselves persistence or more power.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy)
#       || ($.eventName = DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName =
#       PutRolePolicy) || ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) ||
#       ($.eventName = DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName =
#       DeletePolicyVersion) || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy)
#       || ($.eventName = AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName =
#       AttachGroupPolicy) || ($.eventName = DetachGroupPolicy) }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name iam-policy-changes
#       --metric-transformations
#       metricName=iam-policy-changes,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern '{
#       ($.eventName = DeleteGroupPolicy) || ($.eventName = DeleteRolePolicy) || ($.eventName =
#       DeleteUserPolicy) || ($.eventName = PutGroupPolicy) || ($.eventName = PutRolePolicy) ||
#       ($.eventName = PutUserPolicy) || ($.eventName = CreatePolicy) || ($.eventName =
#       DeletePolicy) || ($.eventName = CreatePolicyVersion) || ($.eventName = DeletePolicyVersion)
#       || ($.eventName = AttachRolePolicy) || ($.eventName = DetachRolePolicy) || ($.eventName =
#       AttachUserPolicy) || ($.eventName = DetachUserPolicy) || ($.eventName = AttachGroupPolicy)
#       || ($.eventName = DetachGroupPolicy) }' && aws cloudwatch put-metric-alarm --alarm-name
#       iam-policy-changes --metric-name iam-policy-changes --namespace CISBenchmark --statistic Sum
#       --period 300 --evaluation-periods 1 --threshold 1 --comparison-operator
#       GreaterThanOrEqualToThreshold --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "iam-policy-changes", namespace = "CISBenchmark", value = "1"
#       }) and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions =
#       [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-iam-policy-change-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for IAM policy changes, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.4"
#     cis-aws-1.4:
#       - "4.4"
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
package builtin.aws.cloudwatch.aws0150

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.eventName = DeleteGroupPolicy",
	"$.eventName = DeleteRolePolicy",
	"$.eventName = DeleteUserPolicy",
	"$.eventName = PutGroupPolicy",
	"$.eventName = PutRolePolicy",
	"$.eventName = PutUserPolicy",
	"$.eventName = CreatePolicy",
	"$.eventName = DeletePolicy",
	"$.eventName = CreatePolicyVersion",
	"$.eventName = DeletePolicyVersion",
	"$.eventName = AttachRolePolicy",
	"$.eventName = DetachRolePolicy",
	"$.eventName = AttachUserPolicy",
	"$.eventName = DetachUserPolicy",
	"$.eventName = AttachGroupPolicy",
	"$.eventName = DetachGroupPolicy"
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for IAM policy changes: %s.", [failure[1]]), failure[0])
}

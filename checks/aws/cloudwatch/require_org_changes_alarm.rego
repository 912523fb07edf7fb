# METADATA
# title: "A log metric filter and alarm exist for AWS Organizations changes"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts AWS Organizations changes, and an alarm on that metric notifies an SNS topic that
#   someone subscribes to. Without it, AWS Organizations changes go unnoticed until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0174
#   avd_id: AVD-AWS-0174
#   provider: aws
#   impact: >-
#     Changes to the organization (accounts leaving, policies detached, SCPs edited) can remove
#     guard rails from every account at once.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the trail's log group > Metric filters > Create metric
#       filter with the pattern below (namespace CISBenchmark, value 1); then Create alarm on the
#       metric: Sum >= 1 over 5 minutes, notifying an SNS topic that has at least one confirmed
#       subscriber. Pattern: { ($.eventSource = organizations.amazonaws.com) && (($.eventName =
#       AcceptHandshake) || ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) ||
#       ($.eventName = CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName =
#       DeclineHandshake) || ($.eventName = DeleteOrganization) || ($.eventName =
#       DeleteOrganizationalUnit) || ($.eventName = DeletePolicy) || ($.eventName = DetachPolicy) ||
#       ($.eventName = DisablePolicyType) || ($.eventName = EnablePolicyType) || ($.eventName =
#       InviteAccountToOrganization) || ($.eventName = LeaveOrganization) || ($.eventName =
#       MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName =
#       UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }
#     cli: >-
#       aws logs put-metric-filter --log-group-name TRAIL-LOG-GROUP --filter-name
#       organizations-changes --metric-transformations
#       metricName=organizations-changes,metricNamespace=CISBenchmark,metricValue=1 --filter-pattern
#       '{ ($.eventSource = organizations.amazonaws.com) && (($.eventName = AcceptHandshake) ||
#       ($.eventName = AttachPolicy) || ($.eventName = CreateAccount) || ($.eventName =
#       CreateOrganizationalUnit) || ($.eventName = CreatePolicy) || ($.eventName =
#       DeclineHandshake) || ($.eventName = DeleteOrganization) || ($.eventName =
#       DeleteOrganizationalUnit) || ($.eventName = DeletePolicy) || ($.eventName = DetachPolicy) ||
#       ($.eventName = DisablePolicyType) || ($.eventName = EnablePolicyType) || ($.eventName =
#       InviteAccountToOrganization) || ($.eventName = LeaveOrganization) || ($.eventName =
#       MoveAccount) || ($.eventName = RemoveAccountFromOrganization) || ($.eventName =
#       UpdatePolicy) || ($.eventName = UpdateOrganizationalUnit)) }' && aws cloudwatch
#       put-metric-alarm --alarm-name organizations-changes --metric-name organizations-changes
#       --namespace CISBenchmark --statistic Sum --period 300 --evaluation-periods 1 --threshold 1
#       --comparison-operator GreaterThanOrEqualToThreshold --alarm-actions SNS-TOPIC-ARN
#     terraform: >-
#       aws_cloudwatch_log_metric_filter (log_group_name = the trail's group, pattern as above,
#       metric_transformation { name = "organizations-changes", namespace = "CISBenchmark", value =
#       "1" }) and aws_cloudwatch_metric_alarm (threshold = 1, alarm_actions =
#       [aws_sns_topic.alerts.arn])
#   service: cloudwatch
#   severity: LOW
#   short_code: require-org-changes-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for AWS Organizations changes, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.4:
#       - "4.15"
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
package builtin.aws.cloudwatch.aws0174

import rego.v1

import data.lib.osprey.alarms

# Every term must appear in the filter pattern (spacing and quotes ignored).
terms := [
	"$.eventSource = organizations.amazonaws.com",
	"$.eventName = AcceptHandshake",
	"$.eventName = AttachPolicy",
	"$.eventName = CreateAccount",
	"$.eventName = CreateOrganizationalUnit",
	"$.eventName = CreatePolicy",
	"$.eventName = DeclineHandshake",
	"$.eventName = DeleteOrganization",
	"$.eventName = DeleteOrganizationalUnit",
	"$.eventName = DeletePolicy",
	"$.eventName = DetachPolicy",
	"$.eventName = DisablePolicyType",
	"$.eventName = EnablePolicyType",
	"$.eventName = InviteAccountToOrganization",
	"$.eventName = LeaveOrganization",
	"$.eventName = MoveAccount",
	"$.eventName = RemoveAccountFromOrganization",
	"$.eventName = UpdatePolicy",
	"$.eventName = UpdateOrganizationalUnit"
]

deny contains res if {
	some failure in alarms.failures(terms)
	res := result.new(sprintf("No alarm for AWS Organizations changes: %s.", [failure[1]]), failure[0])
}

# METADATA
# title: "A log metric filter and alarm exist for CloudTrail configuration changes"
# description: >-
#   CIS monitoring: CloudTrail events of a multi-region trail flow to CloudWatch Logs, a metric
#   filter counts CloudTrail configuration changes, and an alarm on that metric notifies an SNS
#   topic that someone subscribes to. Without it, CloudTrail configuration changes go unnoticed
#   until an audit.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/cloudwatch-controls.html
# custom:
#   id: AVD-AWS-0151
#   avd_id: AVD-AWS-0151
#   provider: aws
#   service: cloudwatch
#   severity: LOW
#   short_code: require-cloud-trail-change-alarm
#   recommended_action: "On the trail's log group create a metric filter with the CIS pattern for CloudTrail configuration changes, an alarm on its metric, and an SNS topic with a subscriber as the alarm action."
#   frameworks:
#     cis-aws-1.2:
#       - "3.5"
#     cis-aws-1.4:
#       - "4.5"
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
package builtin.aws.cloudwatch.aws0151

import rego.v1

import data.lib.osprey.alarms

# The CIS pattern(s): a metric filter must match every event one of them matches.
patterns := [
	"{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) || ($.eventName = DeleteTrail) || ($.eventName = StartLogging) || ($.eventName = StopLogging) }"
]

deny contains res if {
	some failure in alarms.failures(patterns)
	res := result.new(sprintf("No alarm for CloudTrail configuration changes: %s.", [failure[1]]), failure[0])
}

not_evaluated := alarms.not_evaluated(patterns)

# One trail with the whole chain in this region meets the control for the account (CIS asks for
# at least one): failing trails judged in other regions then do not fail it.
satisfied if alarms.satisfied(patterns)

# METADATA
# title: "Trails deliver to CloudWatch Logs"
# description: >-
#   Sending CloudTrail events to CloudWatch Logs enables real-time metric filters and alarms (the
#   CIS monitoring controls). CIS also expects the last delivery to be recent (within a day).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html
# custom:
#   id: AVD-AWS-0162
#   avd_id: AVD-AWS-0162
#   provider: aws
#   impact: >-
#     Logs that only land in S3 are read after the fact. Sent to CloudWatch Logs they can drive
#     metric filters and alarms (the CIS monitoring controls), so suspicious activity is noticed
#     within minutes.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > CloudWatch Logs > Edit: Enabled, a log group, and
#       an IAM role CloudTrail can assume to write to it.
#     cli: >-
#       aws cloudtrail update-trail --name TRAIL --cloud-watch-logs-log-group-arn
#       arn:aws:logs:REGION:ACCOUNT:log-group:GROUP:* --cloud-watch-logs-role-arn
#       arn:aws:iam::ACCOUNT:role/ROLE
#     terraform: >-
#       aws_cloudtrail: cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*",
#       cloud_watch_logs_role_arn = aws_iam_role.trail.arn
#   service: cloudtrail
#   severity: LOW
#   short_code: ensure-cloudwatch-integration
#   recommended_action: "Configure the trail with a CloudWatch Logs log group and a role CloudTrail can use to write to it."
#   frameworks:
#     cis-aws-1.2:
#       - "2.4"
#     cis-aws-1.4:
#       - "3.4"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudtrail
#             provider: aws
package builtin.aws.cloudtrail.aws0162

import rego.v1

import data.lib.datetime

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	object.get(trail, ["cloudwatchlogsloggrouparn", "value"], "") == ""
	res := result.new(sprintf("Trail '%s' does not send events to CloudWatch Logs.", [trail.name.value]), trail)
}

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	object.get(trail, ["cloudwatchlogsloggrouparn", "value"], "") != ""
	trail.islogging.value == true
	not trail.latestcloudwatchlogsdeliverytime
	res := result.new(sprintf("Trail '%s' has never delivered events to CloudWatch Logs.", [trail.name.value]), trail)
}

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	object.get(trail, ["cloudwatchlogsloggrouparn", "value"], "") != ""
	trail.islogging.value == true
	last := trail.latestcloudwatchlogsdeliverytime.value
	datetime.time_diff_gt_days(last, 1)
	res := result.new(sprintf("Trail '%s' last delivered to CloudWatch Logs more than a day ago (%s).", [trail.name.value, last]), trail)
}

package builtin.aws.cloudtrail.aws0162_test

import rego.v1

import data.builtin.aws.cloudtrail.aws0162 as check

lg := {"value": "arn:aws:logs:us-east-1:123456789012:log-group:ct"}

test_fails_without_log_group if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}}]}}}
}

test_passes_with_log_group if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "cloudwatchlogsloggrouparn": lg}]}}}
}

test_fails_when_logging_trail_never_delivered if {
	t := {"name": {"value": "t"}, "cloudwatchlogsloggrouparn": lg, "islogging": {"value": true}}
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_fails_on_stale_delivery if {
	t := {"name": {"value": "t"}, "cloudwatchlogsloggrouparn": lg, "islogging": {"value": true}, "latestcloudwatchlogsdeliverytime": {"value": "2024-05-01T00:00:00Z"}}
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [t]}}} with time.now_ns as 1717200000000000000
}

test_passes_on_recent_delivery if {
	t := {"name": {"value": "t"}, "cloudwatchlogsloggrouparn": lg, "islogging": {"value": true}, "latestcloudwatchlogsdeliverytime": {"value": "2024-05-31T12:00:00Z"}}
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [t]}}} with time.now_ns as 1717200000000000000
}

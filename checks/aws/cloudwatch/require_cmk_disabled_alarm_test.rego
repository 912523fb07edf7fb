package builtin.aws.cloudwatch.aws0153_test

import rego.v1

import data.builtin.aws.cloudwatch.aws0153 as check

lg_arn := "arn:aws:logs:us-east-1:123456789012:log-group:ct"

topic := "arn:aws:sns:us-east-1:123456789012:alerts"

trail := {"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "cloudwatchlogsloggrouparn": {"value": concat("", [lg_arn, ":*"])}}

doc(pattern, subs) := {"aws": {
	"cloudtrail": {"trails": [trail]},
	"cloudwatch": {
		"loggroups": [{"arn": {"value": lg_arn}, "metricfilters": [{
			"filtername": {"value": "f"}, "filterpattern": {"value": pattern},
			"metrictransformations": [{"metricname": {"value": "m"}}]
		}]}],
		"alarms": [{"alarmname": {"value": "a"}, "metricname": {"value": "m"}, "alarmactions": [{"value": topic}]}]
	},
	"sns": {"topics": [{"arn": {"value": topic}, "subscriptions": subs}]}
}}

confirmed := [{"arn": {"value": concat("", [topic, ":1"])}}]

test_passes_with_full_chain if {
	count(check.deny) == 0 with input as doc("{ ($.eventSource = kms.amazonaws.com) || ($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion) }", confirmed)
}

test_fails_for_pattern_missing_terms if {
	count(check.deny) == 1 with input as doc("{ ($.eventSource = kms.amazonaws.com) && ($.eventName = DisableKey) }", confirmed)
}

test_fails_without_subscriber if {
	count(check.deny) == 1 with input as doc("{ ($.eventSource = kms.amazonaws.com) || ($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion) }", [{"arn": {"value": "PendingConfirmation"}}])
}

test_fails_without_alarm if {
	d := json.patch(doc("{ ($.eventSource = kms.amazonaws.com) || ($.eventName = DisableKey) || ($.eventName = ScheduleKeyDeletion) }", confirmed), [{"op": "replace", "path": "/aws/cloudwatch/alarms", "value": []}])
	count(check.deny) == 1 with input as d
}

test_fails_without_multi_region_trail if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": []}, "cloudwatch": {"loggroups": [], "alarms": []}}}
}

test_other_region_log_group_is_judged_there if {
	d := doc("", confirmed)
	count(check.deny) == 0 with input as object.union(d, {"osprey": {"region": "eu-west-1"}})
}

test_passes_with_single_parentheses if {
	count(check.deny) == 0 with input as doc("{ $.eventSource = kms.amazonaws.com && ($.eventName = DisableKey || $.eventName = ScheduleKeyDeletion) }", confirmed)
}

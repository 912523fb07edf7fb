package builtin.aws.cloudwatch.aws0159_test

import rego.v1

import data.builtin.aws.cloudwatch.aws0159 as check

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
	count(check.deny) == 0 with input as doc("{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", confirmed)
}

test_fails_for_pattern_missing_terms if {
	count(check.deny) == 1 with input as doc("{ ($.eventName = CreateRoute) }", confirmed)
}

test_fails_without_subscriber if {
	count(check.deny) == 1 with input as doc("{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", [{"arn": {"value": "PendingConfirmation"}}])
}

test_fails_without_alarm if {
	d := json.patch(doc("{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }", confirmed), [{"op": "replace", "path": "/aws/cloudwatch/alarms", "value": []}])
	count(check.deny) == 1 with input as d
}

test_fails_without_multi_region_trail if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": []}, "cloudwatch": {"loggroups": [], "alarms": []}}}
}

test_other_region_log_group_is_judged_there if {
	d := doc("", confirmed)
	count(check.deny) == 0 with input as object.union(d, {"osprey": {"region": "eu-west-1"}})
}

test_other_region_log_group_is_not_evaluated_here if {
	d := object.union(doc("", confirmed), {"osprey": {"region": "eu-west-1"}})
	check.not_evaluated == {{"region": "us-east-1", "reason": "the alarm chain of trail t starts at its log group in us-east-1"}} with input as d
}

# CreateRouteTable, ReplaceRouteTableAssociation, DeleteRouteTable and DisassociateRouteTable
# contain CreateRoute, ReplaceRoute and DeleteRoute as substrings: they are not those events.
test_fails_for_route_table_terms_only if {
	count(check.deny) == 1 with input as doc("{ ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DisassociateRouteTable) }", confirmed)
}

test_passes_with_reordered_unparenthesised_pattern if {
	count(check.deny) == 0 with input as doc(`{$.eventName=DisassociateRouteTable||$.eventName=DeleteRoute||$.eventName="DeleteRouteTable"||$.eventName=ReplaceRouteTableAssociation||$.eventName=ReplaceRoute||$.eventName=CreateRouteTable||$.eventName=CreateRoute}`, confirmed)
}

test_fails_when_an_extra_condition_narrows_the_pattern if {
	count(check.deny) == 1 with input as doc("{ (($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable)) && ($.awsRegion = us-east-1) }", confirmed)
}

full := "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) || ($.eventName = ReplaceRouteTableAssociation) || ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) || ($.eventName = DisassociateRouteTable) }"

# CIS asks for at least one trail with the whole chain, not for every trail.
test_one_complete_trail_is_enough if {
	d := doc(full, confirmed)
	other := object.union(trail, {"name": {"value": "u"}, "cloudwatchlogsloggrouparn": {"value": "arn:aws:logs:us-east-1:123456789012:log-group:other:*"}})
	d2 := json.patch(d, [{"op": "add", "path": "/aws/cloudtrail/trails/-", "value": other}])
	count(check.deny) == 0 with input as d2
}

test_trail_without_management_events_does_not_count if {
	t := object.union(trail, {"eventselectors": [{"readwritetype": {"value": "ReadOnly"}, "includemanagementevents": {"value": true}}]})
	d := json.patch(doc(full, confirmed), [{"op": "replace", "path": "/aws/cloudtrail/trails/0", "value": t}])
	count(check.deny) == 1 with input as d
}

test_satisfied_only_with_a_complete_local_chain if {
	check.satisfied with input as doc(full, confirmed)
	not check.satisfied with input as doc("{ ($.eventName = CreateRouteTable) }", confirmed)
	not check.satisfied with input as object.union(doc(full, confirmed), {"osprey": {"region": "eu-west-1"}})
}

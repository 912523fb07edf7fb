package lib_test

import rego.v1

import data.lib.aws.iam
import data.lib.aws.trails
import data.lib.cloud.metadata
import data.lib.cloud.value
import data.lib.datetime
import data.lib.net
import data.lib.osprey.alarms

test_value_helpers if {
	value.is_true({"value": true})
	not value.is_true({"value": true, "unresolvable": true})
	value.is_false({"value": false})
	value.less_than({"value": 3}, 5)
	not value.greater_than({"value": 3, "unresolvable": true}, 1)
	value.is_empty({"value": ""})
}

test_datetime_ages if {
	datetime.time_diff_gt_days("2024-01-01T00:00:00Z", 90) with time.now_ns as 1717200000000000000
	datetime.time_diff_lt_days("2024-05-31T00:00:00Z", 2) with time.now_ns as 1717200000000000000
	datetime.is_never("0001-01-01T00:00:00Z")
}

test_net_ports_and_cidrs if {
	net.is_ssh_or_rdp_port({"protocol": {"value": "tcp"}, "fromport": {"value": 0}, "toport": {"value": 1024}})
	net.is_ssh_or_rdp_port({"protocol": {"value": "-1"}})
	not net.is_ssh_or_rdp_port({"protocol": {"value": "tcp"}, "fromport": {"value": 443}, "toport": {"value": 443}})
	net.cidr_allows_all_ips("::/0")
	not net.cidr_allows_all_ips("10.0.0.0/8")
	net.protocol(6) == "6"
}

test_metadata_obj_by_path if {
	doc := {"__defsec_metadata": {"resource": "a"}, "b": {"__defsec_metadata": {"resource": "b"}, "c": {"x": 1}}}
	metadata.obj_by_path(doc, ["b", "c"]).__defsec_metadata.resource == "b"
	metadata.obj_by_path({"x": 1}, ["x"]) == {"x": 1}
}

test_iam_statements_normalise_shapes if {
	doc := json.marshal({"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}})
	iam.allows_full_admin(doc)
	count(iam.statements("{broken")) == 0
	iam.is_root_user({"name": {"value": "root"}})
	not iam.is_root_user({"name": {"value": "root"}, "root": {"value": false}})
}

test_trail_pattern_terms_ignore_spacing_and_quotes if {
	trails.pattern_has_terms(`{ ($.eventName = "CreateTrail") || ($.eventName = UpdateTrail) }`, ["$.eventName=CreateTrail", "$.eventName = \"UpdateTrail\""])
	not trails.pattern_has_terms(`{ ($.eventName = CreateTrail) }`, ["$.eventName = DeleteTrail"])
}

test_alarm_filters_are_parsed_not_searched if {
	kms := "{($.eventSource = kms.amazonaws.com) && (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}"
	route := "{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) }"

	# names joined by && match no event
	not alarms.covers("{ ($.eventName = CreateTrail) && ($.eventName = DeleteTrail) }", ["{ ($.eventName = CreateTrail) || ($.eventName = DeleteTrail) }"])
	alarms.covers("{ ($.eventName = DeleteTrail) || ($.eventName = CreateTrail) }", ["{ ($.eventName = CreateTrail) || ($.eventName = DeleteTrail) }"])

	# single parentheses, another order, quotes
	alarms.covers(`{ $.eventSource = "kms.amazonaws.com" && ($.eventName = ScheduleKeyDeletion || $.eventName = DisableKey) }`, [kms])

	# CreateRouteTable is not CreateRoute
	not alarms.covers("{ ($.eventName = CreateRouteTable) }", [route])

	# any one of the alternatives suffices
	alarms.covers("{ ($.eventName = CreateRoute) || ($.eventName = CreateRouteTable) }", ["{ $.x = 1 }", route])

	# not a JSON pattern: no match, no error
	not alarms.covers("CreateRoute", [route])
}

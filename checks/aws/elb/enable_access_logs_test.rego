package builtin.aws.elb.osp0170_test

import rego.v1

import data.builtin.aws.elb.osp0170 as check

doc(type, extra) := {"aws": {"elb": {"loadbalancers": [object.union({"name": {"value": "lb"}, "type": {"value": type}}, extra)]}}}

test_fails_when_off if {
	count(check.deny) == 1 with input as doc("classic", {"accesslogs": {"value": false}})
}

test_passes_when_on if {
	count(check.deny) == 0 with input as doc("classic", {"accesslogs": {"value": true}})
}

test_other_types_and_unknown_settings_are_not_judged if {
	count(check.deny) == 0 with input as doc("gateway", {"accesslogs": {"value": false}})
	count(check.deny) == 0 with input as doc("classic", {})
}

package builtin.aws.elb.osp0022_test

import rego.v1

import data.builtin.aws.elb.osp0022 as check

lb(type, mode) := {"aws": {"elb": {"loadbalancers": [{"type": {"value": type}, "desyncmitigationmode": {"value": mode}}]}}}

test_monitor_alb_fails if {
	count(check.deny) == 1 with input as lb("application", "monitor")
}

test_monitor_classic_fails if {
	count(check.deny) == 1 with input as lb("classic", "monitor")
}

test_defensive_passes if {
	count(check.deny) == 0 with input as lb("application", "defensive")
}

test_strictest_passes if {
	count(check.deny) == 0 with input as lb("classic", "strictest")
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}}]}}}
}

test_network_is_not_judged if {
	count(check.deny) == 0 with input as lb("network", "monitor")
}

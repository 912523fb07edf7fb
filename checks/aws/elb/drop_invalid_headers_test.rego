package builtin.aws.elb.aws0052_test

import rego.v1

import data.builtin.aws.elb.aws0052 as check

test_alb_without_setting_fails if {
	count(check.deny) == 1 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}}]}}}
}

test_alb_setting_off_fails if {
	count(check.deny) == 1 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "dropinvalidheaderfields": {"value": false}}]}}}
}

test_alb_setting_on_passes if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "dropinvalidheaderfields": {"value": true}}]}}}
}

test_network_and_classic_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "network"}}, {"type": {"value": "classic"}}]}}}
}

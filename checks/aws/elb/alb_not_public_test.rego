package builtin.aws.elb.aws0053_test

import rego.v1

import data.builtin.aws.elb.aws0053 as check

test_internet_facing_alb_fails if {
	count(check.deny) == 1 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "internal": {"value": false}}]}}}
}

test_internet_facing_classic_fails if {
	count(check.deny) == 1 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "classic"}, "internal": {"value": false}}]}}}
}

test_scheme_unknown_fails if {
	count(check.deny) == 1 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "network"}}]}}}
}

test_internal_passes if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "internal": {"value": true}}]}}}
}

test_gateway_passes if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "gateway"}, "internal": {"value": false}}]}}}
}

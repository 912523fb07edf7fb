package builtin.aws.elb.osp0021_test

import rego.v1

import data.builtin.aws.elb.osp0021 as check

lb(type, on) := {"aws": {"elb": {"loadbalancers": [{"type": {"value": type}, "deletionprotection": {"value": on}}]}}}

test_alb_without_protection_fails if {
	count(check.deny) == 1 with input as lb("application", false)
}

test_nlb_without_protection_fails if {
	count(check.deny) == 1 with input as lb("network", false)
}

test_protected_passes if {
	count(check.deny) == 0 with input as lb("gateway", true)
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}}]}}}
}

test_classic_is_not_judged if {
	count(check.deny) == 0 with input as lb("classic", false)
}

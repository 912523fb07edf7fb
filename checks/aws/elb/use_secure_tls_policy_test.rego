package builtin.aws.elb.aws0047_test

import rego.v1

import data.builtin.aws.elb.aws0047 as check

lb(policy) := {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "listeners": [{"protocol": {"value": "HTTPS"}, "tlspolicy": {"value": policy}}]}]}}}

test_outdated_policy_fails if {
	count(check.deny) == 1 with input as lb("ELBSecurityPolicy-2016-08")
}

test_classic_legacy_policy_fails if {
	count(check.deny) == 1 with input as lb("ELBSecurityPolicy-2015-03")
}

test_current_policy_passes if {
	count(check.deny) == 0 with input as lb("ELBSecurityPolicy-TLS13-1-2-2021-06")
}

test_listener_without_policy_passes if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "listeners": [{"protocol": {"value": "HTTP"}}]}]}}}
}

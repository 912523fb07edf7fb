package builtin.aws.ec2.aws0102_test

import rego.v1

import data.builtin.aws.ec2.aws0102 as check

acl(rules) := {"aws": {"ec2": {"networkacls": [{"rules": rules}]}}}

test_fails_for_allow_all if {
	count(check.deny) == 1 with input as acl([{"type": {"value": "ingress"}, "action": {"value": "allow"}, "protocol": {"value": "-1"}}])
}

test_passes_for_deny_all if {
	count(check.deny) == 0 with input as acl([{"type": {"value": "ingress"}, "action": {"value": "deny"}, "protocol": {"value": "-1"}}])
}

test_passes_for_tcp_rule if {
	count(check.deny) == 0 with input as acl([{"type": {"value": "ingress"}, "action": {"value": "allow"}, "protocol": {"value": "6"}}])
}

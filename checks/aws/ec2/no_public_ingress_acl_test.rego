package builtin.aws.ec2.aws0105_test

import rego.v1

import data.builtin.aws.ec2.aws0105 as check

acl(rules) := {"aws": {"ec2": {"networkacls": [{"id": {"value": "acl-1"}, "rules": rules}]}}}

test_fails_for_allow_all if {
	count(check.deny) == 2 with input as acl([{"type": {"value": "ingress"}, "action": {"value": "allow"}, "protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

test_fails_for_ssh if {
	count(check.deny) == 1 with input as acl([{"type": {"value": "ingress"}, "action": {"value": "allow"}, "protocol": {"value": "6"}, "fromport": {"value": 22}, "toport": {"value": 22}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

test_passes_for_deny_rule if {
	count(check.deny) == 0 with input as acl([{"type": {"value": "ingress"}, "action": {"value": "deny"}, "protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

test_passes_when_lower_numbered_deny_comes_first if {
	rules := [
		{"number": {"value": 10}, "type": {"value": "ingress"}, "action": {"value": "deny"}, "protocol": {"value": "6"}, "fromport": {"value": 22}, "toport": {"value": 22}, "cidrs": [{"value": "0.0.0.0/0"}]},
		{"number": {"value": 11}, "type": {"value": "ingress"}, "action": {"value": "deny"}, "protocol": {"value": "6"}, "fromport": {"value": 3389}, "toport": {"value": 3389}, "cidrs": [{"value": "0.0.0.0/0"}]},
		{"number": {"value": 100}, "type": {"value": "ingress"}, "action": {"value": "allow"}, "protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}
	]
	count(check.deny) == 0 with input as acl(rules)
}

test_deny_after_the_allow_does_not_help if {
	rules := [
		{"number": {"value": 200}, "type": {"value": "ingress"}, "action": {"value": "deny"}, "protocol": {"value": "6"}, "fromport": {"value": 22}, "toport": {"value": 22}, "cidrs": [{"value": "0.0.0.0/0"}]},
		{"number": {"value": 100}, "type": {"value": "ingress"}, "action": {"value": "allow"}, "protocol": {"value": "6"}, "fromport": {"value": 22}, "toport": {"value": 22}, "cidrs": [{"value": "0.0.0.0/0"}]}
	]
	count(check.deny) == 1 with input as acl(rules)
}

test_passes_for_egress if {
	count(check.deny) == 0 with input as acl([{"type": {"value": "egress"}, "action": {"value": "allow"}, "protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

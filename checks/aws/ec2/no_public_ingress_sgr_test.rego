package builtin.aws.ec2.aws0107_test

import rego.v1

import data.builtin.aws.ec2.aws0107 as check

sg(rules) := {"aws": {"ec2": {"securitygroups": [{"ingressrules": rules}]}}}

test_fails_for_rdp_world if {
	count(check.deny) == 1 with input as sg([{"protocol": {"value": "tcp"}, "fromport": {"value": 3389}, "toport": {"value": 3389}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

test_fails_for_ssh_in_range if {
	count(check.deny) == 1 with input as sg([{"protocol": {"value": "6"}, "fromport": {"value": 20}, "toport": {"value": 25}, "cidrs": [{"value": "::/0"}]}])
}

test_passes_for_https if {
	count(check.deny) == 0 with input as sg([{"protocol": {"value": "tcp"}, "fromport": {"value": 443}, "toport": {"value": 443}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

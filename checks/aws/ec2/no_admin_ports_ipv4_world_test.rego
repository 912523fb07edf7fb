package builtin.aws.ec2.osp0040_test

import rego.v1

import data.builtin.aws.ec2.osp0040 as check

sg(rules) := {"aws": {"ec2": {"securitygroups": [{"id": {"value": "sg-1"}, "ingressrules": rules}]}}}

rule(proto, from, to, cidr) := {"protocol": {"value": proto}, "fromport": {"value": from}, "toport": {"value": to}, "cidrs": [{"value": cidr}]}

test_fails_for_ssh if {
	count(check.deny) == 1 with input as sg([rule("tcp", 22, 22, "0.0.0.0/0")])
}

test_fails_for_rdp if {
	count(check.deny) == 1 with input as sg([rule("tcp", 3389, 3389, "0.0.0.0/0")])
}

test_fails_twice_for_a_range_covering_both if {
	count(check.deny) == 2 with input as sg([rule("tcp", 0, 65535, "0.0.0.0/0")])
}

test_fails_for_all_protocols if {
	count(check.deny) == 2 with input as sg([{"protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

test_passes_for_the_other_address_family if {
	count(check.deny) == 0 with input as sg([rule("tcp", 22, 22, "::/0")])
}

test_passes_for_restricted_source if {
	count(check.deny) == 0 with input as sg([rule("tcp", 22, 22, "10.0.0.0/8")])
}

test_passes_for_other_port if {
	count(check.deny) == 0 with input as sg([rule("tcp", 443, 443, "0.0.0.0/0")])
}

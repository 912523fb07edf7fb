package builtin.aws.ec2.aws0124_test

import rego.v1

import data.builtin.aws.ec2.aws0124 as check

test_fails_for_rule_without_description if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"securitygroups": [{"ingressrules": [{"description": {"value": ""}}], "egressrules": []}]}}}
}

test_passes_with_descriptions if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"securitygroups": [{"ingressrules": [{"description": {"value": "lb"}}], "egressrules": [{"description": {"value": "out"}}]}]}}}
}

test_counts_egress_too if {
	count(check.deny) == 2 with input as {"aws": {"ec2": {"securitygroups": [{"ingressrules": [{}], "egressrules": [{}]}]}}}
}

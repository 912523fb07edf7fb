package builtin.aws.ec2.aws0104_test

import rego.v1

import data.builtin.aws.ec2.aws0104 as check

test_fails_for_world_egress if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"securitygroups": [{"egressrules": [{"cidrs": [{"value": "0.0.0.0/0"}]}]}]}}}
}

test_passes_for_private_range if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"securitygroups": [{"egressrules": [{"cidrs": [{"value": "10.0.0.0/16"}]}]}]}}}
}

test_passes_for_group_pair_rule if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"securitygroups": [{"egressrules": [{"cidrs": []}]}]}}}
}

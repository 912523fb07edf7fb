package builtin.aws.ec2.aws0164_test

import rego.v1

import data.builtin.aws.ec2.aws0164 as check

test_fails_for_public_mapping if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"subnets": [{"mappubliciponlaunch": {"value": true}}]}}}
}

test_passes_for_private_subnet if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"subnets": [{"mappubliciponlaunch": {"value": false}}]}}}
}

test_passes_when_unknown if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"subnets": [{}]}}}
}

package builtin.aws.ec2.aws0101_test

import rego.v1

import data.builtin.aws.ec2.aws0101 as check

test_fails_for_default_vpc if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"vpcs": [{"isdefault": {"value": true}}]}}}
}

test_passes_for_custom_vpc if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"vpcs": [{"isdefault": {"value": false}}]}}}
}

test_no_vpcs if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"vpcs": []}}}
}

package builtin.aws.ec2.aws0009_test

import rego.v1

import data.builtin.aws.ec2.aws0009 as check

test_fails_with_public_ip if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchconfigurations": [{"associatepublicip": {"value": true}}]}}}
}

test_passes_without_public_ip if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"launchconfigurations": [{"associatepublicip": {"value": false}}, {}]}}}
}

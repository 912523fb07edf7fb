package builtin.aws.ec2.aws0099_test

import rego.v1

import data.builtin.aws.ec2.aws0099 as check

test_fails_without_description if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"securitygroups": [{"description": {"value": ""}}]}}}
}

test_passes_with_description if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"securitygroups": [{"description": {"value": "web tier"}}]}}}
}

test_fails_when_missing if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"securitygroups": [{}]}}}
}

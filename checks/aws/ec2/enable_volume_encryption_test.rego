package builtin.aws.ec2.aws0026_test

import rego.v1

import data.builtin.aws.ec2.aws0026 as check

test_fails_for_plain_volume if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"volumes": [{"encryption": {"enabled": {"value": false}}}]}}}
}

test_passes_for_encrypted_volume if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"volumes": [{"encryption": {"enabled": {"value": true}}}]}}}
}

test_fails_when_flag_missing if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"volumes": [{}]}}}
}

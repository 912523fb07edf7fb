package builtin.aws.ec2.aws0027_test

import rego.v1

import data.builtin.aws.ec2.aws0027 as check

test_fails_without_key if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"volumes": [{"encryption": {"enabled": {"value": true}}}]}}}
}

test_passes_with_key if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"volumes": [{"encryption": {"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:1:key/k"}}}]}}}
}

test_unencrypted_volume_is_left_to_0026 if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"volumes": [{"encryption": {"enabled": {"value": false}}}]}}}
}

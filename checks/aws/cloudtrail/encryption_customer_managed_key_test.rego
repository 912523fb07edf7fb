package builtin.aws.cloudtrail.aws0015_test

import rego.v1

import data.builtin.aws.cloudtrail.aws0015 as check

test_fails_without_key if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}}]}}}
}

test_fails_with_empty_key if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "kmskeyid": {"value": ""}}]}}}
}

test_passes_with_key if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:123456789012:key/x"}}]}}}
}

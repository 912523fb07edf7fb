package builtin.aws.cloudtrail.aws0016_test

import rego.v1

import data.builtin.aws.cloudtrail.aws0016 as check

test_fails_without_validation if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "enablelogfilevalidation": {"value": false}}]}}}
}

test_fails_when_field_missing if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}}]}}}
}

test_passes_with_validation if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "enablelogfilevalidation": {"value": true}}]}}}
}

package builtin.aws.cloudwatch.aws0017_test

import rego.v1

import data.builtin.aws.cloudwatch.aws0017 as check

test_fails_without_key if {
	count(check.deny) == 1 with input as {"aws": {"cloudwatch": {"loggroups": [{"name": {"value": "g"}}]}}}
}

test_passes_with_key if {
	count(check.deny) == 0 with input as {"aws": {"cloudwatch": {"loggroups": [{"name": {"value": "g"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:1:key/k"}}]}}}
}

test_no_groups_no_findings if {
	count(check.deny) == 0 with input as {"aws": {"cloudwatch": {"loggroups": []}}}
}

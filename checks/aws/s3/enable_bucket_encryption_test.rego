package builtin.aws.s3.aws0088_test

import rego.v1

import data.builtin.aws.s3.aws0088 as check

test_fails_when_disabled if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "encryption": {"enabled": {"value": false}}}]}}}
}

test_fails_when_block_missing if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}]}}}
}

test_passes_when_enabled if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "encryption": {"enabled": {"value": true}, "algorithm": {"value": "AES256"}}}]}}}
}

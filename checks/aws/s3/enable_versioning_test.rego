package builtin.aws.s3.aws0090_test

import rego.v1

import data.builtin.aws.s3.aws0090 as check

test_fails_when_suspended if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "versioning": {"enabled": {"value": false}, "status": {"value": "Suspended"}}}]}}}
}

test_passes_when_enabled if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "versioning": {"enabled": {"value": true}}}]}}}
}

test_fails_when_block_missing if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}]}}}
}

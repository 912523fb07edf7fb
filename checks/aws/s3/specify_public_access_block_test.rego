package builtin.aws.s3.aws0094_test

import rego.v1

import data.builtin.aws.s3.aws0094 as check

test_fails_without_any_block if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}]}}}
}

test_passes_with_bucket_block if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "publicaccessblock": {"blockpublicacls": {"value": false}}}]}}}
}

test_passes_with_account_block if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}], "accountpublicaccessblock": {"exists": {"value": true}}}}}
}

test_account_block_that_does_not_exist_does_not_count if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}], "accountpublicaccessblock": {"exists": {"value": false}}}}}
}

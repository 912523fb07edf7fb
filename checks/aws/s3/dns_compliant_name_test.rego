package builtin.aws.s3.aws0320_test

import rego.v1

import data.builtin.aws.s3.aws0320 as check

test_fails_for_dotted_name if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "my.bucket"}}]}}}
}

test_passes_for_plain_name if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "my-bucket-1"}}]}}}
}

test_fails_for_trailing_hyphen if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "bucket-"}}]}}}
}

package builtin.aws.s3.aws0170_test

import rego.v1

import data.builtin.aws.s3.aws0170 as check

test_fails_without_mfa_delete if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "versioning": {"enabled": {"value": true}, "mfadelete": {"value": false}}}]}}}
}

test_passes_with_mfa_delete if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "versioning": {"enabled": {"value": true}, "mfadelete": {"value": true}}}]}}}
}

test_no_buckets_no_findings if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": []}}}
}

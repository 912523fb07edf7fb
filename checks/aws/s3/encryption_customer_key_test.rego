package builtin.aws.s3.aws0132_test

import rego.v1

import data.builtin.aws.s3.aws0132 as check

test_fails_with_sse_s3 if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "encryption": {"enabled": {"value": true}, "algorithm": {"value": "AES256"}}}]}}}
}

test_fails_with_kms_default_key if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "encryption": {"enabled": {"value": true}, "algorithm": {"value": "aws:kms"}}}]}}}
}

test_passes_with_cmk if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "encryption": {"enabled": {"value": true}, "algorithm": {"value": "aws:kms"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:123456789012:key/k"}}}]}}}
}

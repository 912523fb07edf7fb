package builtin.aws.s3.osp0166_test

import rego.v1

import data.builtin.aws.s3.osp0166 as check

doc(enc) := {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "encryption": enc}]}}}

test_fails_on_sse_s3 if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "algorithm": {"value": "AES256"}})
}

test_fails_without_default_encryption if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": false}})
}

test_passes_on_sse_kms_with_the_aws_managed_key if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": true}, "algorithm": {"value": "aws:kms"}, "kmskeyid": {"value": ""}})
}

test_passes_on_dsse_kms if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": true}, "algorithm": {"value": "aws:kms:dsse"}})
}

test_unknown_encryption_is_not_a_failure if {
	count(check.deny) == 0 with input as doc({})
}

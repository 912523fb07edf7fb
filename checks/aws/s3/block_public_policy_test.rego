package builtin.aws.s3.aws0087_test

import rego.v1

import data.builtin.aws.s3.aws0087 as check

test_fails_without_block if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}]}}}
}

test_fails_when_flag_is_off if {
	b := {"name": {"value": "b"}, "publicaccessblock": {"blockpublicpolicy": {"value": false}}}
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [b]}}}
}

test_passes_with_bucket_block if {
	b := {"name": {"value": "b"}, "publicaccessblock": {"blockpublicpolicy": {"value": true}}}
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [b]}}}
}

test_passes_with_account_block if {
	acct := {"exists": {"value": true}, "blockpublicpolicy": {"value": true}}
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}}], "accountpublicaccessblock": acct}}}
}

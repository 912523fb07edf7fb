package builtin.aws.iam.aws0168_test

import rego.v1

import data.builtin.aws.iam.aws0168 as check

test_fails_for_expired_cert if {
	c := {"name": {"value": "old"}, "expiration": {"value": "2024-01-01T00:00:00Z"}}
	count(check.deny) == 1 with input as {"aws": {"iam": {"servercertificates": [c]}}} with time.now_ns as 1717200000000000000
}

test_passes_for_valid_cert if {
	c := {"name": {"value": "new"}, "expiration": {"value": "2025-01-01T00:00:00Z"}}
	count(check.deny) == 0 with input as {"aws": {"iam": {"servercertificates": [c]}}} with time.now_ns as 1717200000000000000
}

test_passes_without_certs if {
	count(check.deny) == 0 with input as {"aws": {"iam": {"servercertificates": []}}}
}

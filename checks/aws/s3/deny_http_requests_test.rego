package builtin.aws.s3.osp0004_test

import rego.v1

import data.builtin.aws.s3.osp0004 as check

pol(stmt) := [{"name": {"value": "bucket-policy"}, "document": {"value": json.marshal({"Statement": [stmt]})}}]

tls_deny := {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["arn:aws:s3:::b", "arn:aws:s3:::b/*"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}

test_fails_without_policy if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "bucketpolicies": []}]}}}
}

test_passes_with_tls_deny if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "bucketpolicies": pol(tls_deny)}]}}}
}

test_passes_with_boolean_condition_and_aws_principal if {
	s := object.union(tls_deny, {"Principal": {"AWS": "*"}, "Condition": {"Bool": {"aws:SecureTransport": false}}})
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "bucketpolicies": pol(s)}]}}}
}

test_fails_when_statement_allows if {
	s := object.union(tls_deny, {"Effect": "Allow"})
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "bucketpolicies": pol(s)}]}}}
}

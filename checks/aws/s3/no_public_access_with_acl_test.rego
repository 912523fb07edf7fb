package builtin.aws.s3.aws0092_test

import rego.v1

import data.builtin.aws.s3.aws0092 as check

all_users := {"grantee": {"type": {"value": "Group"}, "uri": {"value": "http://acs.amazonaws.com/groups/global/AllUsers"}}, "permissions": [{"value": "READ"}]}

test_fails_for_public_read if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "acl": {"value": "public-read"}}]}}}
}

test_fails_for_public_grant if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "grants": [all_users]}]}}}
}

test_passes_for_private if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "acl": {"value": "private"}}]}}}
}

test_passes_when_block_ignores_acls if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "acl": {"value": "public-read"}, "publicaccessblock": {"ignorepublicacls": {"value": true}}}]}}}
}

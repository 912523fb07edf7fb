package builtin.aws.cloudtrail.aws0161_test

import rego.v1

import data.builtin.aws.cloudtrail.aws0161 as check

all_users := {"grantee": {"uri": {"value": "http://acs.amazonaws.com/groups/global/AllUsers"}}, "permissions": [{"value": "READ"}]}

public_policy := [{"document": {"value": json.marshal({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "*"}]})}}]

test_fails_for_public_grant if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "ct-logs"}, "grants": [all_users]}]}}}
}

test_fails_for_public_policy if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "ct-logs"}, "bucketpolicies": public_policy}]}}}
}

test_passes_for_private_bucket if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "ct-logs"}, "acl": {"value": "private"}, "bucketpolicies": []}]}}}
}

test_public_other_bucket_is_ignored if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "other"}, "acl": {"value": "public-read"}}]}}}
}

test_policy_neutralised_by_restrict_public_buckets if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "ct-logs"}, "bucketpolicies": public_policy, "publicaccessblock": {"restrictpublicbuckets": {"value": true}}}]}}}
}

test_bucket_in_another_account_is_not_evaluated if {
	d := {"aws": {"cloudtrail": {"trails": [{"name": {"value": "org"}, "bucketname": {"value": "central-logs"}}]}, "s3": {"buckets": []}}}
	count(check.deny) == 0 with input as d
	check.not_evaluated == {"the log bucket 'central-logs' of trail 'org' is not in this account"} with input as d
}

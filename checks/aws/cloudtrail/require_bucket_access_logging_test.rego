package builtin.aws.cloudtrail.aws0163_test

import rego.v1

import data.builtin.aws.cloudtrail.aws0163 as check

test_fails_without_logging if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "ct-logs"}, "logging": {"enabled": {"value": false}}}]}}}
}

test_passes_with_logging if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": [{"name": {"value": "ct-logs"}, "logging": {"enabled": {"value": true}}}]}}}
}

test_bucket_in_other_account_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [{"name": {"value": "t"}, "ismultiregion": {"value": true}, "islogging": {"value": true}, "bucketname": {"value": "ct-logs"}}]}, "s3": {"buckets": []}}}
}

test_bucket_in_another_account_is_not_evaluated if {
	d := {"aws": {"cloudtrail": {"trails": [{"name": {"value": "org"}, "bucketname": {"value": "central-logs"}}]}, "s3": {"buckets": [{"name": {"value": "mine"}}]}}}
	check.not_evaluated == {"the log bucket 'central-logs' of trail 'org' is not in this account"} with input as d
}

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

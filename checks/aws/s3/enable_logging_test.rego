package builtin.aws.s3.aws0089_test

import rego.v1

import data.builtin.aws.s3.aws0089 as check

test_fails_without_logging if {
	count(check.deny) == 1 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "logging": {"enabled": {"value": false}}}]}}}
}

test_passes_with_logging if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [{"name": {"value": "b"}, "logging": {"enabled": {"value": true}, "targetbucket": {"value": "logs"}}}]}}}
}

test_log_target_is_exempt if {
	src := {"name": {"value": "app"}, "logging": {"enabled": {"value": true}, "targetbucket": {"value": "logs"}}}
	dst := {"name": {"value": "logs"}, "logging": {"enabled": {"value": false}}}
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": [src, dst]}}}
}

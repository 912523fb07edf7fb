package builtin.aws.apigateway.aws0001_test

import rego.v1

import data.builtin.aws.apigateway.aws0001 as check

stage(dest) := {"name": {"value": "prod"}, "accesslogging": {"cloudwatchloggrouparn": {"value": dest}}}

test_fails_v1_stage_without_destination if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v1": {"apis": [{"name": {"value": "a"}, "stages": [stage("")]}]}}}}
}

test_fails_v2_stage_without_accesslogging_block if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v2": {"apis": [{"stages": [{"name": {"value": "$default"}}]}]}}}}
}

test_passes_both_versions_with_destinations if {
	count(check.deny) == 0 with input as {"aws": {"apigateway": {
		"v1": {"apis": [{"stages": [stage("arn:aws:logs:us-east-1:1:log-group:a")]}]},
		"v2": {"apis": [{"stages": [stage("arn:aws:firehose:us-east-1:1:deliverystream/amazon-apigateway-x")]}]},
	}}}
}

test_api_without_stages_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"apigateway": {"v1": {"apis": [{"stages": []}]}}}}
}

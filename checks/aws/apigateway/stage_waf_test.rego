package builtin.aws.apigateway.osp0070_test

import rego.v1

import data.builtin.aws.apigateway.osp0070 as check

inp(stage) := {"aws": {"apigateway": {"v1": {"apis": [{"stages": [stage]}]}}}}

test_fails_without_web_acl if {
	count(check.deny) == 1 with input as inp({"name": {"value": "prod"}})
}

test_fails_with_empty_web_acl if {
	count(check.deny) == 1 with input as inp({"webaclarn": {"value": ""}})
}

test_passes_with_web_acl if {
	count(check.deny) == 0 with input as inp({"webaclarn": {"value": "arn:aws:wafv2:us-east-1:1:regional/webacl/w/x"}})
}

test_v2_stages_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"apigateway": {"v2": {"apis": [{"stages": [{"name": {"value": "s"}}]}]}}}}
}

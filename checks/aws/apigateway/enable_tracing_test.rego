package builtin.aws.apigateway.aws0003_test

import rego.v1

import data.builtin.aws.apigateway.aws0003 as check

inp(stage) := {"aws": {"apigateway": {"v1": {"apis": [{"stages": [stage]}]}}}}

test_fails_without_tracing if {
	count(check.deny) == 1 with input as inp({"xraytracingenabled": {"value": false}})
}

test_fails_when_the_field_is_absent if {
	count(check.deny) == 1 with input as inp({"name": {"value": "s"}})
}

test_passes_with_tracing if {
	count(check.deny) == 0 with input as inp({"xraytracingenabled": {"value": true}})
}

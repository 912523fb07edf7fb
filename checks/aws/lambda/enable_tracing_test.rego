package builtin.aws.lambda.aws0066_test

import rego.v1

import data.builtin.aws.lambda.aws0066 as check

test_fails_with_pass_through if {
	count(check.deny) == 1 with input as {"aws": {"lambda": {"functions": [{"name": {"value": "f"}, "tracing": {"mode": {"value": "PassThrough"}}}]}}}
}

test_fails_when_not_reported if {
	count(check.deny) == 1 with input as {"aws": {"lambda": {"functions": [{"name": {"value": "f"}}]}}}
}

test_passes_when_active if {
	count(check.deny) == 0 with input as {"aws": {"lambda": {"functions": [{"tracing": {"mode": {"value": "Active"}}}]}}}
}

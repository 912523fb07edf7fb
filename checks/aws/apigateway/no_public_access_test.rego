package builtin.aws.apigateway.aws0004_test

import rego.v1

import data.builtin.aws.apigateway.aws0004 as check

inp(verb, auth, key) := {"aws": {"apigateway": {"v1": {"apis": [{"resources": [{"path": {"value": "/pets"}, "methods": [{
	"httpmethod": {"value": verb},
	"authorizationtype": {"value": auth},
	"apikeyrequired": {"value": key},
}]}]}]}}}}

test_fails_open_get if {
	count(check.deny) == 1 with input as inp("GET", "NONE", false)
}

# Trivy exempts "OPTION", so every CORS preflight method was flagged
test_passes_cors_preflight if {
	count(check.deny) == 0 with input as inp("OPTIONS", "NONE", false)
}

test_passes_with_iam if {
	count(check.deny) == 0 with input as inp("GET", "AWS_IAM", false)
}

test_passes_with_api_key if {
	count(check.deny) == 0 with input as inp("POST", "NONE", true)
}

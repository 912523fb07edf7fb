package builtin.aws.apigateway.osp0072_test

import rego.v1

import data.builtin.aws.apigateway.osp0072 as check

inp(stage) := {"aws": {"apigateway": {"v1": {"apis": [{"stages": [stage]}]}}}}

test_fails_without_certificate if {
	count(check.deny) == 1 with input as inp({"name": {"value": "prod"}})
}

test_fails_with_empty_certificate if {
	count(check.deny) == 1 with input as inp({"clientcertificateid": {"value": ""}})
}

test_passes_with_certificate if {
	count(check.deny) == 0 with input as inp({"clientcertificateid": {"value": "abc123"}})
}

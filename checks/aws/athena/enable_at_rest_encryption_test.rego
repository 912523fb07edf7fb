package builtin.aws.athena.aws0006_test

import rego.v1

import data.builtin.aws.athena.aws0006 as check

wg(enc) := {"aws": {"athena": {"workgroups": [{"name": {"value": "w"}, "encryption": enc}]}}}

test_fails_without_encryption if {
	count(check.deny) == 1 with input as wg({})
}

test_fails_on_an_empty_type if {
	count(check.deny) == 1 with input as wg({"type": {"value": ""}})
}

test_passes_with_sse_kms if {
	count(check.deny) == 0 with input as wg({"type": {"value": "SSE_KMS"}, "kmskey": {"value": "arn:aws:kms:us-east-1:1:key/k"}})
}

test_databases_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"athena": {"workgroups": [], "databases": [{"name": {"value": "default"}, "encryption": {}}]}}}
}

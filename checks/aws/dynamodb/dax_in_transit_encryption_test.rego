package builtin.aws.dynamodb.osp0162_test

import rego.v1

import data.builtin.aws.dynamodb.osp0162 as check

doc(extra) := {"aws": {"dynamodb": {"daxclusters": [object.union({"name": {"value": "c"}}, extra)]}}}

test_fails_without_tls if {
	count(check.deny) == 1 with input as doc({"endpointencryption": {"value": "NONE"}})
}

test_passes_with_tls if {
	count(check.deny) == 0 with input as doc({"endpointencryption": {"value": "TLS"}})
}

test_unknown_type_is_not_a_failure if {
	count(check.deny) == 0 with input as doc({})
}

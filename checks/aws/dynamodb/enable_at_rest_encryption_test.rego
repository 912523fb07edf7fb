package builtin.aws.dynamodb.aws0023_test

import rego.v1

import data.builtin.aws.dynamodb.aws0023 as check

dax(enc) := {"aws": {"dynamodb": {"tables": [], "daxclusters": [{"name": {"value": "c"}, "serversideencryption": enc}]}}}

test_fails_without_encryption if {
	count(check.deny) == 1 with input as dax({"enabled": {"value": false}})
}

test_fails_when_the_block_says_nothing if {
	count(check.deny) == 1 with input as dax({})
}

test_passes_when_encrypted if {
	count(check.deny) == 0 with input as dax({"enabled": {"value": true}})
}

test_no_dax_collected_is_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"dynamodb": {"tables": []}}}
}

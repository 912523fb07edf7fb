package builtin.aws.documentdb.aws0021_test

import rego.v1

import data.builtin.aws.documentdb.aws0021 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"storageencrypted": {"value": false}})]}}}
}

test_passes_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"storageencrypted": {"value": true}})]}}}
}

test_missing_flag_fails if {
	count(check.deny) == 1 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {})]}}}
}

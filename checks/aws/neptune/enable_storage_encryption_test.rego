package builtin.aws.neptune.aws0076_test

import rego.v1

import data.builtin.aws.neptune.aws0076 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"storageencrypted": {"value": false}})]}}}
}

test_passes_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"storageencrypted": {"value": true}})]}}}
}

test_missing_flag_fails if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {})]}}}
}

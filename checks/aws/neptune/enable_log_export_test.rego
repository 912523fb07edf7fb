package builtin.aws.neptune.aws0075_test

import rego.v1

import data.builtin.aws.neptune.aws0075 as check

test_fails_without_audit if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"logging": {"audit": {"value": false}}})]}}}
}

test_passes_with_audit if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"logging": {"audit": {"value": true}}})]}}}
}

test_no_clusters if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": []}}}
}

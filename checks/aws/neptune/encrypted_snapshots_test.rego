package builtin.aws.neptune.osp0130_test

import rego.v1

import data.builtin.aws.neptune.osp0130 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [], "clustersnapshots": [object.union({"identifier": {"value": "s1"}}, {"encrypted": {"value": false}})]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [], "clustersnapshots": [object.union({"identifier": {"value": "s1"}}, {"encrypted": {"value": true}})]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [], "clustersnapshots": [object.union({"identifier": {"value": "s1"}}, {})]}}}
}

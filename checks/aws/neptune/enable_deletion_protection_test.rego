package builtin.aws.neptune.osp0126_test

import rego.v1

import data.builtin.aws.neptune.osp0126 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"deletionprotection": {"value": false}})]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"deletionprotection": {"value": true}})]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {})]}}}
}

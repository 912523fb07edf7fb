package builtin.aws.neptune.osp0129_test

import rego.v1

import data.builtin.aws.neptune.osp0129 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [], "clustersnapshots": [object.union({"identifier": {"value": "s1"}}, {"snapshotattributes": [{"attributename": {"value": "restore"}, "attributevalues": [{"value": "all"}]}]})]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [], "clustersnapshots": [object.union({"identifier": {"value": "s1"}}, {"snapshotattributes": [{"attributename": {"value": "restore"}, "attributevalues": [{"value": "111122223333"}]}]})]}}}
}

test_unshared_passes if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [], "clustersnapshots": [object.union({"identifier": {"value": "s1"}}, {"snapshotattributes": []})]}}}
}

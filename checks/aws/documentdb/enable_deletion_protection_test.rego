package builtin.aws.documentdb.osp0136_test

import rego.v1

import data.builtin.aws.documentdb.osp0136 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"deletionprotection": {"value": false}})]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"deletionprotection": {"value": true}})]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {})]}}}
}

package builtin.aws.documentdb.osp0135_test

import rego.v1

import data.builtin.aws.documentdb.osp0135 as check

test_fails_profiler_only if {
	count(check.deny) == 1 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"logging": {"audit": {"value": false}}, "enabledlogexports": [{"value": "profiler"}]})]}}}
}

test_passes_with_audit if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"logging": {"audit": {"value": true}}, "enabledlogexports": [{"value": "audit"}]})]}}}
}

test_no_clusters if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": []}}}
}

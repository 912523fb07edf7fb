package builtin.aws.documentdb.aws0020_test

import rego.v1

import data.builtin.aws.documentdb.aws0020 as check

test_fails_without_exports if {
	count(check.deny) == 1 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"enabledlogexports": []})]}}}
}

test_passes_with_audit if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"enabledlogexports": [{"value": "audit"}]})]}}}
}

test_profiler_alone_passes if {
	count(check.deny) == 0 with input as {"aws": {"documentdb": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"enabledlogexports": [{"value": "profiler"}]})]}}}
}

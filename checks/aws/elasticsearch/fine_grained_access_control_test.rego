package builtin.aws.elasticsearch.osp0123_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0123 as check

test_fails_without_fgac if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"advancedsecurity": {"enabled": {"value": false}}})]}}}
}

test_passes_with_fgac if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"advancedsecurity": {"enabled": {"value": true}}})]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {})]}}}
}

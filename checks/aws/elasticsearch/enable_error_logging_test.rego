package builtin.aws.elasticsearch.osp0121_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0121 as check

test_fails_without_error_logs if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"logpublishing": {"errorenabled": {"value": false}}})]}}}
}

test_passes_with_error_logs if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"logpublishing": {"errorenabled": {"value": true}}})]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {})]}}}
}

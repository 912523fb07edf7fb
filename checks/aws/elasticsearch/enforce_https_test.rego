package builtin.aws.elasticsearch.aws0046_test

import rego.v1

import data.builtin.aws.elasticsearch.aws0046 as check

test_fails_http if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"endpoint": {"enforcehttps": {"value": false}}})]}}}
}

test_passes_https if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"endpoint": {"enforcehttps": {"value": true}}})]}}}
}

test_missing_endpoint_fails if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {})]}}}
}

package builtin.aws.elasticsearch.osp0124_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0124 as check

test_fails_without_masters if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"clusterconfig": {"dedicatedmasterenabled": {"value": false}}})]}}}
}

test_fails_two_masters if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"clusterconfig": {"dedicatedmasterenabled": {"value": true}, "dedicatedmastercount": {"value": 2}}})]}}}
}

test_passes_three_masters if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"clusterconfig": {"dedicatedmasterenabled": {"value": true}, "dedicatedmastercount": {"value": 3}}})]}}}
}

package builtin.aws.elasticsearch.osp0125_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0125 as check

test_fails_update_available if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"servicesoftwareoptions": {"updateavailable": {"value": true}, "currentversion": {"value": "R1"}, "newversion": {"value": "R2"}}})]}}}
}

test_passes_up_to_date if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"servicesoftwareoptions": {"updateavailable": {"value": false}}})]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {})]}}}
}

package builtin.aws.elasticsearch.osp0122_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0122 as check

test_fails_one_node if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"clusterconfig": {"instancecount": {"value": 1}, "zoneawarenessenabled": {"value": false}}})]}}}
}

test_fails_three_nodes_one_zone if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"clusterconfig": {"instancecount": {"value": 3}, "zoneawarenessenabled": {"value": false}}})]}}}
}

test_passes_three_nodes_zone_aware if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"clusterconfig": {"instancecount": {"value": 3}, "zoneawarenessenabled": {"value": true}}})]}}}
}

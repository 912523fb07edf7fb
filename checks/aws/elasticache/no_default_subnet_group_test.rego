package builtin.aws.elasticache.osp0112_test

import rego.v1

import data.builtin.aws.elasticache.osp0112 as check

test_fails_on_default if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"clusters": [{"cachesubnetgroupname": {"value": "default"}}]}}}
}

test_passes_on_a_custom_group if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": [{"cachesubnetgroupname": {"value": "private-cache"}}]}}}
}

test_no_subnet_group_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": [{"clusterid": {"value": "c"}}]}}}
}

package builtin.aws.msk.osp0114_test

import rego.v1

import data.builtin.aws.msk.osp0114 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "enhancedmonitoring": {"value": "DEFAULT"}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "enhancedmonitoring": {"value": "PER_TOPIC_PER_BROKER"}}]}}}
}

test_serverless_and_unknown_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}}, object.union({"name": {"value": "k"}, "enhancedmonitoring": {"value": "DEFAULT"}}, {"clustertype": {"value": "SERVERLESS"}})]}}}
}

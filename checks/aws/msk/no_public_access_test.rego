package builtin.aws.msk.osp0108_test

import rego.v1

import data.builtin.aws.msk.osp0108 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "publicaccess": {"value": "SERVICE_PROVIDED_EIPS"}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "publicaccess": {"value": "DISABLED"}}]}}}
}

test_serverless_and_unknown_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}}, object.union({"name": {"value": "k"}, "publicaccess": {"value": "SERVICE_PROVIDED_EIPS"}}, {"clustertype": {"value": "SERVERLESS"}})]}}}
}

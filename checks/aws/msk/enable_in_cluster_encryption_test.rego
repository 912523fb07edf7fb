package builtin.aws.msk.osp0113_test

import rego.v1

import data.builtin.aws.msk.osp0113 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "encryptionintransit": {"incluster": {"value": false}}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "encryptionintransit": {"incluster": {"value": true}}}]}}}
}

test_serverless_and_unknown_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}}, object.union({"name": {"value": "k"}, "encryptionintransit": {"incluster": {"value": false}}}, {"clustertype": {"value": "SERVERLESS"}})]}}}
}

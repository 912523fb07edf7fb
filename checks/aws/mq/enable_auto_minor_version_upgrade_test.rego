package builtin.aws.mq.osp0109_test

import rego.v1

import data.builtin.aws.mq.osp0109 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"mq": {"brokers": [{"autominorversionupgrade": {"value": false}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"autominorversionupgrade": {"value": true}}]}}}
}

test_edge if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"name": {"value": "b"}}]}}}
}

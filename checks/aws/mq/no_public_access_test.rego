package builtin.aws.mq.aws0072_test

import rego.v1

import data.builtin.aws.mq.aws0072 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"mq": {"brokers": [{"publicaccess": {"value": true}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"publicaccess": {"value": false}}]}}}
}

test_edge if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"name": {"value": "b"}}]}}}
}

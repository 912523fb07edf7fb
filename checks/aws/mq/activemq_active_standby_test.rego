package builtin.aws.mq.osp0116_test

import rego.v1

import data.builtin.aws.mq.osp0116 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"mq": {"brokers": [{"enginetype": {"value": "ACTIVEMQ"}, "deploymentmode": {"value": "SINGLE_INSTANCE"}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"enginetype": {"value": "ACTIVEMQ"}, "deploymentmode": {"value": "ACTIVE_STANDBY_MULTI_AZ"}}]}}}
}

test_edge if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"enginetype": {"value": "RABBITMQ"}, "deploymentmode": {"value": "SINGLE_INSTANCE"}}]}}}
}

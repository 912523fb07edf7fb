package builtin.aws.mq.aws0070_test

import rego.v1

import data.builtin.aws.mq.aws0070 as check

doc(engine, logging) := {"aws": {"mq": {"brokers": [{"name": {"value": "b"}, "enginetype": {"value": engine}, "logging": logging}]}}}

test_fails_activemq_without_audit if {
	count(check.deny) == 1 with input as doc("ACTIVEMQ", {"audit": {"value": false}})
	count(check.deny) == 1 with input as doc("ACTIVEMQ", {})
}

test_passes_activemq_with_audit if {
	count(check.deny) == 0 with input as doc("ACTIVEMQ", {"audit": {"value": true}})
}

test_rabbitmq_is_not_judged if {
	count(check.deny) == 0 with input as doc("RABBITMQ", {"general": {"value": true}})
	count(check.deny) == 0 with input as doc("RabbitMQ", {"audit": {"value": false}})
}

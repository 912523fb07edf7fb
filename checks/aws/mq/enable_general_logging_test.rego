package builtin.aws.mq.aws0071_test

import rego.v1

import data.builtin.aws.mq.aws0071 as check

test_fails_without_general_logs if {
	count(check.deny) == 1 with input as {"aws": {"mq": {"brokers": [{"logging": {"general": {"value": false}}}]}}}
}

test_passes_with_general_logs if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": [{"enginetype": {"value": "RABBITMQ"}, "logging": {"general": {"value": true}}}]}}}
}

test_no_brokers_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"mq": {"brokers": []}}}
}

package builtin.aws.sqs.aws0097_test

import rego.v1

import data.builtin.aws.sqs.aws0097 as check

q(statement) := {"aws": {"sqs": {"queues": [{"arn": {"value": "q"}, "policies": [{"document": {"value": json.marshal({"Version": "2012-10-17", "Statement": statement})}}]}]}}}

test_action_string_fails if {
	count(check.deny) == 1 with input as q({"Effect": "Allow", "Principal": "*", "Action": "sqs:*"})
}

test_action_star_in_array_fails if {
	count(check.deny) == 1 with input as q([{"Effect": "Allow", "Principal": "*", "Action": ["sqs:SendMessage", "*"]}])
}

test_upper_case_fails if {
	count(check.deny) == 1 with input as q([{"Effect": "Allow", "Principal": "*", "Action": "SQS:*"}])
}

test_specific_actions_pass if {
	count(check.deny) == 0 with input as q([{"Effect": "Allow", "Principal": "*", "Action": ["sqs:SendMessage"]}])
}

test_deny_statement_passes if {
	count(check.deny) == 0 with input as q([{"Effect": "Deny", "Principal": "*", "Action": "sqs:*"}])
}

package builtin.aws.sqs.aws0096_test

import rego.v1

import data.builtin.aws.sqs.aws0096 as check

q(enc) := {"aws": {"sqs": {"queues": [{"arn": {"value": "arn:aws:sqs:us-east-1:1:q"}, "encryption": enc}]}}}

test_unencrypted_fails if {
	count(check.deny) == 1 with input as q({"managedencryption": {"value": false}})
}

test_nothing_known_fails if {
	count(check.deny) == 1 with input as q({})
}

test_sse_sqs_passes if {
	count(check.deny) == 0 with input as q({"managedencryption": {"value": true}})
}

test_sse_kms_passes if {
	count(check.deny) == 0 with input as q({"kmskeyid": {"value": "alias/aws/sqs"}, "managedencryption": {"value": false}})
}

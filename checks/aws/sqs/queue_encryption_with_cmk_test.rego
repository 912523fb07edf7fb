package builtin.aws.sqs.aws0135_test

import rego.v1

import data.builtin.aws.sqs.aws0135 as check

AWSKEY := "arn:aws:kms:us-east-1:111122223333:key/99999999-8888-7777-6666-555555555555"

kms_state := {
	"keys": [
		{"arn": {"value": AWSKEY}, "id": {"value": "99999999-8888-7777-6666-555555555555"}, "manager": {"value": "AWS"}},
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk"}, "id": {"value": "cmk"}, "manager": {"value": "CUSTOMER"}},
	],
	"aliases": [
		{"name": {"value": "alias/aws/sqs"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/sqs"}, "targetkeyid": {"value": "99999999-8888-7777-6666-555555555555"}},
		{"name": {"value": "alias/app"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/app"}, "targetkeyid": {"value": "cmk"}},
	],
}

q(key) := {"aws": {"kms": kms_state, "sqs": {"queues": [{"arn": {"value": "q"}, "encryption": {"kmskeyid": {"value": key}}}]}}}

test_alias_fails if {
	count(check.deny) == 1 with input as q("alias/aws/sqs")
}

test_aws_managed_key_arn_fails if {
	count(check.deny) == 1 with input as q(AWSKEY)
}

test_customer_alias_passes if {
	count(check.deny) == 0 with input as q("alias/app")
}

test_customer_key_passes if {
	count(check.deny) == 0 with input as q("arn:aws:kms:us-east-1:111122223333:key/cmk")
}

test_sse_sqs_is_left_to_0096 if {
	count(check.deny) == 0 with input as {"aws": {"sqs": {"queues": [{"arn": {"value": "q"}, "encryption": {"managedencryption": {"value": true}}}]}}}
}

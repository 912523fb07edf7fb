package builtin.aws.kinesis.aws0064_test

import rego.v1

import data.builtin.aws.kinesis.aws0064 as check

kms_state := {
	"keys": [{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}}],
	"aliases": [
		{"name": {"value": "alias/aws/kinesis"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/kinesis"}, "targetkeyid": {"value": "aws-k"}},
		{"name": {"value": "alias/streams"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/streams"}, "targetkeyid": {"value": "cmk-1"}},
	],
}

doc(enc) := {"aws": {"kinesis": {"streams": [{"name": {"value": "s"}, "encryption": enc}]}, "kms": kms_state}}

test_fails_unencrypted if {
	count(check.deny) == 1 with input as doc({"type": {"value": "NONE"}})
}

test_fails_without_a_type if {
	count(check.deny) == 1 with input as doc({})
}

test_fails_on_the_aws_managed_alias if {
	count(check.deny) == 1 with input as doc({"type": {"value": "KMS"}, "kmskeyid": {"value": "alias/aws/kinesis"}})
}

test_fails_on_the_aws_managed_key_arn if {
	count(check.deny) == 1 with input as doc({"type": {"value": "KMS"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-k"}})
}

test_passes_on_a_customer_alias if {
	count(check.deny) == 0 with input as doc({"type": {"value": "KMS"}, "kmskeyid": {"value": "alias/streams"}})
}

test_passes_on_a_customer_key_arn if {
	count(check.deny) == 0 with input as doc({"type": {"value": "KMS"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}})
}

test_without_kms_the_aws_alias_still_fails_and_a_key_is_not_evaluated if {
	aws := {"aws": {"kinesis": {"streams": [{"name": {"value": "s"}, "encryption": {"type": {"value": "KMS"}, "kmskeyid": {"value": "alias/aws/kinesis"}}}]}}}
	count(check.deny) == 1 with input as aws
	other := {"aws": {"kinesis": {"streams": [{"name": {"value": "s"}, "encryption": {"type": {"value": "KMS"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/x"}}}]}}}
	count(check.deny) == 0 with input as other
	count(check.not_evaluated) == 1 with input as other
}

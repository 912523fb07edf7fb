package builtin.aws.ssm.aws0098_test

import rego.v1

import data.builtin.aws.ssm.aws0098 as check

kms_state := {
	"keys": [
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}},
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}, "id": {"value": "aws-1"}, "manager": {"value": "AWS"}},
	],
	"aliases": [{"name": {"value": "alias/aws/secretsmanager"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/secretsmanager"}, "targetkeyid": {"value": "aws-1"}}],
}

doc(secret) := {"aws": {"ssm": {"secrets": [object.union({"name": {"value": "db"}}, secret)]}, "kms": kms_state}}

test_fails_on_the_default_key if {
	count(check.deny) == 1 with input as doc({})
}

test_fails_on_the_alias if {
	count(check.deny) == 1 with input as doc({"kmskeyid": {"value": "alias/aws/secretsmanager"}})
}

test_fails_on_the_aws_managed_key_arn if {
	count(check.deny) == 1 with input as doc({"kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}})
}

test_passes_on_a_customer_key if {
	count(check.deny) == 0 with input as doc({"kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}})
}

test_without_kms_a_key_arn_is_not_evaluated if {
	inp := {"aws": {"ssm": {"secrets": [{"name": {"value": "db"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}}]}}}
	count(check.deny) == 0 with input as inp
	count(check.not_evaluated) == 1 with input as inp
}

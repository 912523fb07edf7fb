package builtin.aws.dynamodb.aws0025_test

import rego.v1

import data.builtin.aws.dynamodb.aws0025 as check

kms_state := {
	"keys": [
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}, "id": {"value": "aws-1"}, "manager": {"value": "AWS"}},
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}},
		# moto reports the key behind alias/aws/dynamodb as CUSTOMER: the alias still tells
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/moto-1"}, "id": {"value": "moto-1"}, "manager": {"value": "CUSTOMER"}},
	],
	"aliases": [
		{"name": {"value": "alias/aws/dynamodb"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/dynamodb"}, "targetkeyid": {"value": "moto-1"}},
		{"name": {"value": "alias/app"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/app"}, "targetkeyid": {"value": "cmk-1"}},
	],
}

table(sse) := {"name": {"value": "t"}, "serversideencryption": sse}

doc(sse) := {"aws": {"dynamodb": {"tables": [table(sse)]}, "kms": kms_state}}

test_fails_on_the_aws_owned_key if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": false}})
}

test_fails_on_the_aws_managed_key_given_as_a_key_arn if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}})
}

test_fails_on_a_key_an_aws_alias_points_at if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/moto-1"}})
}

test_fails_on_the_alias_name if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "alias/aws/dynamodb"}})
}

test_passes_on_a_customer_managed_key if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}})
}

test_passes_on_a_key_of_another_account if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:444455556666:key/x"}})
}

test_without_kms_state_a_key_arn_is_not_evaluated if {
	inp := {"aws": {"dynamodb": {"tables": [table({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}})]}}}
	count(check.deny) == 0 with input as inp
	count(check.not_evaluated) == 1 with input as inp
}

test_without_kms_state_the_alias_still_fails if {
	count(check.deny) == 1 with input as {"aws": {"dynamodb": {"tables": [table({"enabled": {"value": true}, "kmskeyid": {"value": "alias/aws/dynamodb"}})]}}}
}

package lib.aws.kms_test

import rego.v1

import data.lib.aws.kms

state := {"aws": {"kms": {
	"keys": [
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}, "id": {"value": "aws-1"}, "manager": {"value": "AWS"}},
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}},
	],
	"aliases": [
		{"name": {"value": "alias/aws/rds"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/rds"}, "targetkeyid": {"value": "aws-1"}},
		{"name": {"value": "alias/aws/ebs"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/ebs"}, "targetkeyid": {"value": "aws-2"}},
		{"name": {"value": "alias/app"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/app"}, "targetkeyid": {"value": "cmk-1"}},
		{"name": {"value": "alias/wraps-aws"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/wraps-aws"}, "targetkeyid": {"value": "aws-1"}},
	],
}}}

test_aws_managed_by_every_reference_form if {
	kms.is_aws_managed("alias/aws/sqs") with input as state # not even in the state
	kms.is_aws_managed("arn:aws:kms:us-east-1:111122223333:alias/aws/sqs") with input as state
	kms.is_aws_managed("aws-1") with input as state
	kms.is_aws_managed("arn:aws:kms:us-east-1:111122223333:key/aws-1") with input as state
	kms.is_aws_managed("alias/wraps-aws") with input as state # a customer alias on an AWS key
	kms.is_aws_managed("arn:aws:kms:us-east-1:111122223333:alias/wraps-aws") with input as state
	kms.is_aws_managed("arn:aws:kms:us-east-1:111122223333:key/aws-2") with input as state # via alias/aws/ebs only
	kms.is_aws_managed({"value": "aws-1"}) with input as state # a wrapped state value
	not kms.is_customer_managed("arn:aws:kms:us-east-1:111122223333:key/aws-1") with input as state
	not kms.is_customer_managed("alias/aws/rds") with input as state
}

test_customer_managed_by_every_reference_form if {
	kms.is_customer_managed("cmk-1") with input as state
	kms.is_customer_managed("arn:aws:kms:us-east-1:111122223333:key/cmk-1") with input as state
	kms.is_customer_managed("alias/app") with input as state
	kms.is_customer_managed("arn:aws:kms:us-east-1:111122223333:alias/app") with input as state
	kms.is_customer_managed({"value": "alias/app"}) with input as state
	not kms.is_aws_managed("alias/app") with input as state
}

test_unknown_and_foreign_keys_count_as_customer_managed if {
	kms.is_customer_managed("arn:aws:kms:us-east-1:999999999999:key/elsewhere") with input as state
	kms.is_customer_managed("alias/not-listed") with input as state
	kms.is_customer_managed("cmk-1") with input as {"aws": {}} # no kms state at all
	not kms.is_aws_managed("cmk-1") with input as {"aws": {}}
	kms.is_aws_managed("alias/aws/dynamodb") with input as {"aws": {}}
}

test_empty_reference_is_neither if {
	not kms.is_customer_managed("") with input as state
	not kms.is_aws_managed("") with input as state
	not kms.is_customer_managed({"value": ""}) with input as state
	not kms.is_customer_managed(null) with input as state
}

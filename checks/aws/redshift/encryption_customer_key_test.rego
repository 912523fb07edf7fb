package builtin.aws.redshift.aws0084_test

import rego.v1

import data.builtin.aws.redshift.aws0084 as check

kms_state := {
	"keys": [
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}},
		{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-r"}, "id": {"value": "aws-r"}, "manager": {"value": "AWS"}},
	],
	"aliases": [{"name": {"value": "alias/aws/redshift"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/redshift"}, "targetkeyid": {"value": "aws-r"}}],
}

doc(enc) := {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "encryption": enc}]}, "kms": kms_state}}

test_fails_unencrypted if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": false}})
}

test_fails_on_the_aws_managed_key if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-r"}})
}

test_passes_on_a_customer_key if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}})
}

test_without_kms_a_key_is_not_evaluated if {
	other := {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "encryption": {"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/x"}}}]}}}
	count(check.deny) == 0 with input as other
	count(check.not_evaluated) == 1 with input as other
}

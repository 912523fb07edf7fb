package builtin.aws.ecr.aws0033_test

import rego.v1

import data.builtin.aws.ecr.aws0033 as check

KEY := "arn:aws:kms:us-east-1:111122223333:key/11111111-2222-3333-4444-555555555555"

AWSKEY := "arn:aws:kms:us-east-1:111122223333:key/99999999-8888-7777-6666-555555555555"

kms_state := {
	"keys": [
		{"arn": {"value": KEY}, "id": {"value": "11111111-2222-3333-4444-555555555555"}, "manager": {"value": "CUSTOMER"}},
		{"arn": {"value": AWSKEY}, "id": {"value": "99999999-8888-7777-6666-555555555555"}, "manager": {"value": "AWS"}},
	],
	"aliases": [{"name": {"value": "alias/aws/ecr"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/ecr"}, "targetkeyid": {"value": "99999999-8888-7777-6666-555555555555"}}],
}

repo(enc) := {"aws": {"kms": kms_state, "ecr": {"repositories": [{"name": {"value": "r"}, "encryption": enc}]}}}

test_aes256_fails if {
	count(check.deny) == 1 with input as repo({"type": {"value": "AES256"}})
}

test_kms_default_key_fails if {
	count(check.deny) == 1 with input as repo({"type": {"value": "KMS"}})
}

test_aws_managed_key_arn_fails if {
	count(check.deny) == 1 with input as repo({"type": {"value": "KMS"}, "kmskeyid": {"value": AWSKEY}})
}

test_customer_key_passes if {
	count(check.deny) == 0 with input as repo({"type": {"value": "KMS"}, "kmskeyid": {"value": KEY}})
}

test_key_of_another_account_passes if {
	count(check.deny) == 0 with input as repo({"type": {"value": "KMS_DSSE"}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:444455556666:key/abc"}})
}

package builtin.aws.neptune.aws0128_test

import rego.v1

import data.builtin.aws.neptune.aws0128 as check

aws_key := "arn:aws:kms:us-east-1:111122223333:key/aaaa"

cmk := "arn:aws:kms:us-east-1:111122223333:key/bbbb"

kms_state := {"keys": [{"arn": {"value": aws_key}, "id": {"value": "aaaa"}, "manager": {"value": "AWS"}}, {"arn": {"value": cmk}, "id": {"value": "bbbb"}, "manager": {"value": "CUSTOMER"}}], "aliases": [{"name": {"value": "alias/aws/rds"}, "targetkeyid": {"value": "aaaa"}}]}

doc(k) := {"aws": {"kms": kms_state, "neptune": {"clusters": [{"identifier": {"value": "c1"}, "storageencrypted": {"value": true}, "kmskeyid": {"value": k}}]}}}

test_fails_aws_managed_key_arn if {
	count(check.deny) == 1 with input as doc(aws_key)
}

test_passes_customer_key if {
	count(check.deny) == 0 with input as doc(cmk)
}

test_unencrypted_is_left_to_0076 if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"storageencrypted": {"value": false}})]}}}
}

test_without_kms_not_evaluated_never_guessed if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [{"identifier": {"value": "c1"}, "storageencrypted": {"value": true}, "kmskeyid": {"value": aws_key}}]}}}
	count(check.not_evaluated) == 1 with input as {"aws": {"neptune": {"clusters": [{"identifier": {"value": "c1"}, "storageencrypted": {"value": true}, "kmskeyid": {"value": aws_key}}]}}}
}

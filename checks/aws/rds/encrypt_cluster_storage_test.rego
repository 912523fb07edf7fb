package builtin.aws.rds.osp0164_test

import rego.v1

import data.builtin.aws.rds.osp0164 as check

doc(enc) := {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c"}, "encryption": enc}]}}}

test_fails_unencrypted if {
	count(check.deny) == 1 with input as doc({"encryptstorage": {"value": false}})
}

test_passes_with_the_aws_managed_key if {
	count(check.deny) == 0 with input as doc({"encryptstorage": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-rds"}})
}

test_unknown_setting_is_not_a_failure if {
	count(check.deny) == 0 with input as doc({})
}

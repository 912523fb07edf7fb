package builtin.aws.rds.aws0079_test

import rego.v1

import data.builtin.aws.rds.aws0079 as check

kmsstate := {"kms": {"keys": [{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}, "id": {"value": "aws-1"}, "manager": {"value": "AWS"}}, {"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}}], "aliases": [{"name": {"value": "alias/aws/rds"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/rds"}, "targetkeyid": {"value": "aws-1"}}]}}

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c24"}, "encryption": {"encryptstorage": {"value": false}}}]}}}
}

test_fails_with_aws_managed_key_by_arn if {
	count(check.deny) == 1 with input as {"aws": object.union(kmsstate, {"rds": {"clusters": [{"clusteridentifier": {"value": "c25"}, "encryption": {"encryptstorage": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}}}]}})}
}

test_fails_with_aws_managed_alias_or_no_key if {
	count(check.deny) == 2 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c26"}, "encryption": {"encryptstorage": {"value": true}, "kmskeyid": {"value": "alias/aws/rds"}}}, {"clusteridentifier": {"value": "c27"}, "encryption": {"encryptstorage": {"value": true}}}]}}}
}

test_passes_with_customer_managed_key if {
	count(check.deny) == 0 with input as {"aws": object.union(kmsstate, {"rds": {"clusters": [{"clusteridentifier": {"value": "c28"}, "encryption": {"encryptstorage": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}}}]}})}
}

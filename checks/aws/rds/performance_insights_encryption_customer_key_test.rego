package builtin.aws.rds.aws0078_test

import rego.v1

import data.builtin.aws.rds.aws0078 as check

kmsstate := {"kms": {"keys": [{"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}, "id": {"value": "aws-1"}, "manager": {"value": "AWS"}}, {"arn": {"value": "arn:aws:kms:us-east-1:111122223333:key/cmk-1"}, "id": {"value": "cmk-1"}, "manager": {"value": "CUSTOMER"}}], "aliases": [{"name": {"value": "alias/aws/rds"}, "arn": {"value": "arn:aws:kms:us-east-1:111122223333:alias/aws/rds"}, "targetkeyid": {"value": "aws-1"}}]}}

test_fails_with_aws_managed_key if {
	count(check.deny) == 2 with input as {"aws": object.union(kmsstate, {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db32"}, "performanceinsights": {"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/aws-1"}}}], "clusters": [{"clusteridentifier": {"value": "c33"}, "performanceinsights": {"enabled": {"value": true}}}]}})}
}

test_passes_with_customer_key if {
	count(check.deny) == 0 with input as {"aws": object.union(kmsstate, {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db34"}, "performanceinsights": {"enabled": {"value": true}, "kmskeyid": {"value": "cmk-1"}}}]}})}
}

test_ignores_disabled_performance_insights if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db35"}, "performanceinsights": {"enabled": {"value": false}}}]}}}
}

package builtin.aws.rds.aws0077_test

import rego.v1

import data.builtin.aws.rds.aws0077 as check

test_fails_with_one_day if {
	count(check.deny) == 2 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db36"}, "backupretentionperioddays": {"value": 1}}], "clusters": [{"clusteridentifier": {"value": "c37"}, "backupretentionperioddays": {"value": 0}}]}}}
}

test_passes_with_a_week if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db38"}, "backupretentionperioddays": {"value": 7}}], "clusters": [{"clusteridentifier": {"value": "c39"}, "backupretentionperioddays": {"value": 2}}]}}}
}

test_skips_replicas_and_members if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db40"}, "backupretentionperioddays": {"value": 0}, "replicationsourcearn": {"value": "arn:aws:rds:us-west-2:1:db:src"}}, {"dbinstanceidentifier": {"value": "db41"}, "backupretentionperioddays": {"value": 1}, "clusteridentifier": {"value": "c1"}}]}}}
}

package builtin.aws.rds.aws0177_test

import rego.v1

import data.builtin.aws.rds.aws0177 as check

test_fails_without_protection if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db9"}, "engine": {"value": "mysql"}, "deletionprotection": {"value": false}}]}}}
}

test_passes_with_protection if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db10"}, "deletionprotection": {"value": true}}]}}}
}

test_skips_cluster_members if {
	members := [{"dbinstanceidentifier": {"value": "db11"}, "clusteridentifier": {"value": "c1"}, "engine": {"value": "mysql"}, "deletionprotection": {"value": false}}, {"dbinstanceidentifier": {"value": "db12"}, "engine": {"value": "aurora-postgresql"}, "deletionprotection": {"value": false}}]
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": members}}}
}

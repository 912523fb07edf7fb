package builtin.aws.rds.aws0176_test

import rego.v1

import data.builtin.aws.rds.aws0176 as check

test_fails_for_postgres_instance_without_iam_auth if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db13"}, "engine": {"value": "postgres"}, "iamauthenabled": {"value": false}}]}}}
}

test_fails_for_aurora_cluster_without_iam_auth if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c14"}, "engine": {"value": "aurora-mysql"}, "iamauthenabled": {"value": false}}]}}}
}

test_passes_with_iam_auth if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db15"}, "engine": {"value": "mysql"}, "iamauthenabled": {"value": true}}], "clusters": [{"clusteridentifier": {"value": "c16"}, "engine": {"value": "aurora-postgresql"}, "iamauthenabled": {"value": true}}]}}}
}

test_ignores_other_engines_and_members if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db17"}, "engine": {"value": "oracle-ee"}, "iamauthenabled": {"value": false}}, {"dbinstanceidentifier": {"value": "db18"}, "engine": {"value": "mysql"}, "clusteridentifier": {"value": "c1"}, "iamauthenabled": {"value": false}}]}}}
}

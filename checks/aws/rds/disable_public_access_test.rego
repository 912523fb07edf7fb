package builtin.aws.rds.aws0180_test

import rego.v1

import data.builtin.aws.rds.aws0180 as check

test_fails_for_public_instance if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db1"}, "publicaccess": {"value": true}}]}}}
}

test_fails_for_public_cluster if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c2"}, "publicaccess": {"value": true}}]}}}
}

test_passes_for_private_and_unknown if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db3"}, "publicaccess": {"value": false}}, {"dbinstanceidentifier": {"value": "db4"}}], "clusters": [{"clusteridentifier": {"value": "c5"}, "publicaccess": {"value": false}}]}}}
}

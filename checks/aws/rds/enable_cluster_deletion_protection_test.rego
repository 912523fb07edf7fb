package builtin.aws.rds.aws0343_test

import rego.v1

import data.builtin.aws.rds.aws0343 as check

test_fails_without_protection if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c6"}, "deletionprotection": {"value": false}}]}}}
}

test_fails_when_not_reported if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c7"}}]}}}
}

test_passes_with_protection if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c8"}, "deletionprotection": {"value": true}}]}}}
}

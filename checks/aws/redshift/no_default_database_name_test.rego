package builtin.aws.redshift.osp0118_test

import rego.v1

import data.builtin.aws.redshift.osp0118 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "dbname": {"value": "dev"}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "dbname": {"value": "other"}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}}]}}}
}

package builtin.aws.redshift.osp0107_test

import rego.v1

import data.builtin.aws.redshift.osp0107 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "masterusername": {"value": "awsuser"}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "masterusername": {"value": "other"}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}}]}}}
}

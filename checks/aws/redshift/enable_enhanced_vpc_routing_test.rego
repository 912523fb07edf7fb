package builtin.aws.redshift.osp0106_test

import rego.v1

import data.builtin.aws.redshift.osp0106 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "enhancedvpcrouting": {"value": false}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "enhancedvpcrouting": {"value": true}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}}]}}}
}

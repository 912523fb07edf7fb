package builtin.aws.redshift.osp0104_test

import rego.v1

import data.builtin.aws.redshift.osp0104 as check

test_fails_without_logging if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"loggingenabled": {"value": false}}]}}}
}

test_passes_with_logging if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"loggingenabled": {"value": true}}]}}}
}

test_a_denied_read_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}}]}}}
}

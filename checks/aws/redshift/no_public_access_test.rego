package builtin.aws.redshift.osp0101_test

import rego.v1

import data.builtin.aws.redshift.osp0101 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "publiclyaccessible": {"value": true}}]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "publiclyaccessible": {"value": false}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}}]}}}
}

package builtin.aws.rds.osp0174_test

import rego.v1

import data.builtin.aws.rds.osp0174 as check

doc(extra) := {"aws": {"rds": {"instances": [object.union({"dbinstanceidentifier": {"value": "db"}}, extra)]}}}

test_fails_single_az if {
	count(check.deny) == 1 with input as doc({"multiaz": {"value": false}})
}

test_passes_multi_az if {
	count(check.deny) == 0 with input as doc({"multiaz": {"value": true}})
}

test_cluster_members_and_unknown_settings_are_not_judged if {
	count(check.deny) == 0 with input as doc({"multiaz": {"value": false}, "clusteridentifier": {"value": "aurora-1"}})
	count(check.deny) == 0 with input as doc({})
}

package builtin.aws.rds.osp0175_test

import rego.v1

import data.builtin.aws.rds.osp0175 as check

doc(extra) := {"aws": {"rds": {"clusters": [object.union({"clusteridentifier": {"value": "c"}}, extra)]}}}

test_fails_when_off if {
	count(check.deny) == 1 with input as doc({"autominorversionupgrade": {"value": false}})
}

test_passes_when_on if {
	count(check.deny) == 0 with input as doc({"autominorversionupgrade": {"value": true}})
}

# Aurora clusters do not report the setting: absent is not judged
test_absent_setting_is_not_a_failure if {
	count(check.deny) == 0 with input as doc({})
}

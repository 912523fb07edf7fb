package builtin.aws.neptune.osp0127_test

import rego.v1

import data.builtin.aws.neptune.osp0127 as check

test_fails if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"backupretentionperiod": {"value": 1}})]}}}
}

test_passes if {
	count(check.deny) == 0 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"backupretentionperiod": {"value": 7}})]}}}
}

test_six_days_fail if {
	count(check.deny) == 1 with input as {"aws": {"neptune": {"clusters": [object.union({"identifier": {"value": "c1"}}, {"backupretentionperiod": {"value": 6}})]}}}
}

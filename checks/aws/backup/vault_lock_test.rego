package builtin.aws.backup.osp0148_test

import rego.v1

import data.builtin.aws.backup.osp0148 as check

test_fails_when_not_locked if {
	count(check.deny) == 1 with input as {"aws": {"backup": {"vaults": [{"name": {"value": "v1"}, "locked": {"value": false}}]}}}
}

test_passes_when_locked if {
	count(check.deny) == 0 with input as {"aws": {"backup": {"vaults": [{"name": {"value": "v1"}, "locked": {"value": true}}]}}}
}

test_no_vaults_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"backup": {"vaults": [], "plans": []}}}
}

package builtin.aws.backup.osp0149_test

import rego.v1

import data.builtin.aws.backup.osp0149 as check

test_fails_with_vault_and_no_plan if {
	count(check.deny) == 1 with input as {"aws": {"backup": {"vaults": [{"name": {"value": "v1"}}], "plans": []}}}
}

test_passes_with_a_plan if {
	count(check.deny) == 0 with input as {"aws": {"backup": {"vaults": [{"name": {"value": "v1"}}], "plans": [{"name": {"value": "p1"}}]}}}
}

test_unused_region_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"backup": {"vaults": [], "plans": []}}}
}

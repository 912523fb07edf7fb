package builtin.aws.workspaces.aws0109_test

import rego.v1

import data.builtin.aws.workspaces.aws0109 as check

ws(root, user) := {"aws": {"workspaces": {"workspaces": [{"id": {"value": "ws-1"}, "rootvolume": {"encryption": {"enabled": {"value": root}}}, "uservolume": {"encryption": {"enabled": {"value": user}}}}]}}}

test_fails_for_both_volumes if {
	count(check.deny) == 2 with input as ws(false, false)
}

test_fails_for_root_only if {
	count(check.deny) == 1 with input as ws(false, true)
}

test_fails_for_user_only if {
	count(check.deny) == 1 with input as ws(true, false)
}

test_missing_flags_count_as_unencrypted if {
	count(check.deny) == 2 with input as {"aws": {"workspaces": {"workspaces": [{"id": {"value": "ws-1"}}]}}}
}

test_passes_when_both_encrypted if {
	count(check.deny) == 0 with input as ws(true, true)
}

package builtin.aws.macie.osp0140_test

import rego.v1

import data.builtin.aws.macie.osp0140 as check

session(status, enabled) := {"aws": {"macie": {"session": {"status": {"value": status}, "enabled": {"value": enabled}}}}}

test_fails_when_not_enabled if {
	count(check.deny) == 1 with input as session("DISABLED", false)
}

test_fails_when_paused if {
	count(check.deny) == 1 with input as session("PAUSED", false)
}

test_passes_when_enabled if {
	count(check.deny) == 0 with input as session("ENABLED", true)
}

test_silent_when_not_collected if {
	count(check.deny) == 0 with input as {"aws": {}}
}

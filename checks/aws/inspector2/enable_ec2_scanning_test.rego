package builtin.aws.inspector2.osp0143_test

import rego.v1

import data.builtin.aws.inspector2.osp0143 as check

acct(status) := {"aws": {"inspector2": {"account": {"ec2": {"value": status}}}}}

test_fails_when_disabled if {
	count(check.deny) == 1 with input as acct("DISABLED")
}

test_fails_while_still_enabling if {
	count(check.deny) == 1 with input as acct("ENABLING")
}

test_fails_when_status_unknown if {
	count(check.deny) == 1 with input as {"aws": {"inspector2": {"account": {}}}}
}

test_passes_when_enabled if {
	count(check.deny) == 0 with input as acct("ENABLED")
}

test_silent_when_not_collected if {
	count(check.deny) == 0 with input as {"aws": {}}
}

package builtin.aws.accessanalyzer.aws0175_test

import rego.v1

import data.builtin.aws.accessanalyzer.aws0175 as check

test_fails_without_analyzer if {
	count(check.deny) == 1 with input as {"aws": {"accessanalyzer": {"analyzers": []}}}
}

test_fails_for_inactive_analyzer if {
	count(check.deny) == 1 with input as {"aws": {"accessanalyzer": {"analyzers": [{"active": {"value": false}}]}}}
}

test_passes_with_active_analyzer if {
	count(check.deny) == 0 with input as {"aws": {"accessanalyzer": {"analyzers": [{"active": {"value": true}}]}}}
}

test_silent_when_not_collected if {
	count(check.deny) == 0 with input as {"aws": {}}
}

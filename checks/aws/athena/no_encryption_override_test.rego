package builtin.aws.athena.aws0007_test

import rego.v1

import data.builtin.aws.athena.aws0007 as check

test_fails_when_not_enforced if {
	count(check.deny) == 1 with input as {"aws": {"athena": {"workgroups": [{"name": {"value": "w"}, "enforceconfiguration": {"value": false}}]}}}
}

test_passes_when_enforced if {
	count(check.deny) == 0 with input as {"aws": {"athena": {"workgroups": [{"name": {"value": "w"}, "enforceconfiguration": {"value": true}}]}}}
}

test_fails_when_unknown if {
	count(check.deny) == 1 with input as {"aws": {"athena": {"workgroups": [{"name": {"value": "w"}}]}}}
}

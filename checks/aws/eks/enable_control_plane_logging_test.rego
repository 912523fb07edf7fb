package builtin.aws.eks.aws0038_test

import rego.v1

import data.builtin.aws.eks.aws0038 as check

all_on := {"api": {"value": true}, "audit": {"value": true}, "authenticator": {"value": true}, "controllermanager": {"value": true}, "scheduler": {"value": true}}

test_all_off_fails_five_times if {
	count(check.deny) == 5 with input as {"aws": {"eks": {"clusters": [{"logging": {"api": {"value": false}, "audit": {"value": false}, "authenticator": {"value": false}, "controllermanager": {"value": false}, "scheduler": {"value": false}}}]}}}
}

test_one_missing_fails_once if {
	count(check.deny) == 1 with input as {"aws": {"eks": {"clusters": [{"logging": object.remove(all_on, ["audit"])}]}}}
}

test_all_on_passes if {
	count(check.deny) == 0 with input as {"aws": {"eks": {"clusters": [{"logging": all_on}]}}}
}

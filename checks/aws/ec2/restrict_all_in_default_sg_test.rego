package builtin.aws.ec2.aws0173_test

import rego.v1

import data.builtin.aws.ec2.aws0173 as check

open_rules := [{"protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}]

test_fails_for_default_egress if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"securitygroups": [{"isdefault": {"value": true}, "ingressrules": [], "egressrules": open_rules}]}}}
}

test_passes_for_empty_default if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"securitygroups": [{"isdefault": {"value": true}, "ingressrules": [], "egressrules": []}]}}}
}

test_ignores_non_default_groups if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"securitygroups": [{"isdefault": {"value": false}, "ingressrules": open_rules, "egressrules": open_rules}]}}}
}

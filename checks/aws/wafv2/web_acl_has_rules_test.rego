package builtin.aws.wafv2.osp0081_test

import rego.v1

import data.builtin.aws.wafv2.osp0081 as check

acl(rules, fms) := {"name": {"value": "a"}, "scope": {"value": "REGIONAL"}, "rules": rules, "firewallmanagerrulegroups": fms}

rule := {"name": {"value": "r"}, "kind": {"value": "managedrulegroup"}}

test_fails_without_rules if {
	count(check.deny) == 1 with input as {"aws": {"wafv2": {"webacls": [acl([], [])]}}}
}

test_fails_for_cloudfront_scope if {
	count(check.deny) == 1 with input as {"aws": {"wafv2cloudfront": {"webacls": [acl([], [])]}}}
}

test_passes_with_a_rule if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl([rule], [])]}}}
}

test_passes_with_firewall_manager_groups if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl([], [{"name": {"value": "fms"}, "phase": {"value": "pre"}}])]}}}
}

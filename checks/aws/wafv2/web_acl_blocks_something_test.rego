package builtin.aws.wafv2.osp0087_test

import rego.v1

import data.builtin.aws.wafv2.osp0087 as check

acl(dflt, rules) := {"name": {"value": "a"}, "scope": {"value": "REGIONAL"}, "defaultaction": {"value": dflt}, "rules": rules, "firewallmanagerrulegroups": []}

rule(action, override) := {"name": {"value": "r"}, "action": {"value": action}, "overrideaction": {"value": override}}

test_fails_count_only if {
	r := check.deny with input as {"aws": {"wafv2": {"webacls": [acl("ALLOW", [rule("COUNT", ""), rule("", "COUNT")])]}}}
	count(r) == 1
	some x in r
	x.msg == "Web ACL 'a' (REGIONAL) allows by default and all 2 of its rules only count."
}

test_passes_with_a_blocking_rule if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl("ALLOW", [rule("COUNT", ""), rule("BLOCK", "")])]}}}
}

test_passes_with_a_rule_group_not_overridden if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl("ALLOW", [rule("", "NONE")])]}}}
}

test_passes_default_block if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl("BLOCK", [rule("COUNT", "")])]}}}
}

test_no_rules_is_left_to_0081 if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl("ALLOW", [])]}}}
}

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

test_cloudfront_acl_denied_is_not_evaluated if {
	denied := {"name": {"value": "c"}, "scope": {"value": "CLOUDFRONT"}, "__defsec_metadata": {"gaps": [{"read": "GetWebACL", "code": "AccessDenied", "fields": ["rules", "defaultaction"]}]}}
	inp := {"aws": {"wafv2cloudfront": {"webacls": [denied]}}}
	count(check.deny) == 0 with input as inp
	check.not_evaluated == {"web ACL 'c' (CLOUDFRONT): GetWebACL was denied (AccessDenied)"} with input as inp
}

package builtin.aws.wafv2.osp0088_test

import rego.v1

import data.builtin.aws.wafv2.osp0088 as check

group(on, rules) := {"name": {"value": "g"}, "scope": {"value": "REGIONAL"}, "cloudwatchmetricsenabled": {"value": on}, "rules": rules}

rule(on) := {"name": {"value": "r1"}, "cloudwatchmetricsenabled": {"value": on}}

test_fails_group_without_metrics if {
	r := check.deny with input as {"aws": {"wafv2": {"rulegroups": [group(false, [rule(true)])]}}}
	count(r) == 1
	some x in r
	x.msg == "Rule group 'g' (REGIONAL) publishes no CloudWatch metrics."
}

test_fails_rule_without_metrics_cloudfront_scope if {
	r := check.deny with input as {"aws": {"wafv2cloudfront": {"rulegroups": [group(true, [rule(false)])]}}}
	count(r) == 1
	some x in r
	x.msg == "Rule 'r1' of rule group 'g' (REGIONAL) publishes no CloudWatch metrics."
}

test_passes_with_metrics if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"rulegroups": [group(true, [rule(true)])]}}}
}

test_denied_cloudfront_group_is_not_evaluated if {
	g := {"name": {"value": "g"}, "scope": {"value": "CLOUDFRONT"}, "__defsec_metadata": {"gaps": [{"read": "GetRuleGroup", "code": "AccessDenied", "fields": ["rules", "cloudwatchmetricsenabled"]}]}}
	inp := {"aws": {"wafv2cloudfront": {"rulegroups": [g]}}}
	count(check.deny) == 0 with input as inp
	check.not_evaluated == {"rule group 'g' (CLOUDFRONT): GetRuleGroup was denied (AccessDenied)"} with input as inp
}

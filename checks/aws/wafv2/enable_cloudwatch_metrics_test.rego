package builtin.aws.wafv2.osp0085_test

import rego.v1

import data.builtin.aws.wafv2.osp0085 as check

acl(on, rules) := {"name": {"value": "a"}, "scope": {"value": "CLOUDFRONT"}, "cloudwatchmetricsenabled": {"value": on}, "rules": rules}

rule(on) := {"name": {"value": "r1"}, "cloudwatchmetricsenabled": {"value": on}}

test_fails_acl_without_metrics if {
	r := check.deny with input as {"aws": {"wafv2cloudfront": {"webacls": [acl(false, [rule(true)])]}}}
	count(r) == 1
	some x in r
	x.msg == "Web ACL 'a' (CLOUDFRONT) publishes no CloudWatch metrics."
}

test_fails_rule_without_metrics if {
	r := check.deny with input as {"aws": {"wafv2": {"webacls": [acl(true, [rule(false)])]}}}
	count(r) == 1
	some x in r
	x.msg == "Rule 'r1' of web ACL 'a' (CLOUDFRONT) publishes no CloudWatch metrics."
}

test_passes_with_metrics if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl(true, [rule(true)])]}}}
}

test_unknown_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [{"name": {"value": "a"}}]}}}
}

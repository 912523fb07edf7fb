package builtin.aws.wafv2.osp0080_test

import rego.v1

import data.builtin.aws.wafv2.osp0080 as check

acl(name, scope, on) := {"name": {"value": name}, "scope": {"value": scope}, "logging": {"enabled": {"value": on}}}

test_fails_without_logging if {
	r := check.deny with input as {"aws": {"wafv2": {"webacls": [acl("a", "REGIONAL", false)]}}}
	count(r) == 1
	some x in r
	x.msg == "Web ACL 'a' (REGIONAL) has no logging configuration."
}

test_fails_for_cloudfront_scope if {
	count(check.deny) == 1 with input as {"aws": {"wafv2cloudfront": {"webacls": [acl("c", "CLOUDFRONT", false)]}}}
}

test_passes_with_logging if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": [acl("a", "REGIONAL", true)]}, "wafv2cloudfront": {"webacls": [acl("c", "CLOUDFRONT", true)]}}}
}

test_fails_when_logging_missing if {
	count(check.deny) == 1 with input as {"aws": {"wafv2": {"webacls": [{"name": {"value": "a"}}]}}}
}

test_passes_without_acls if {
	count(check.deny) == 0 with input as {"aws": {"wafv2": {"webacls": []}}}
}

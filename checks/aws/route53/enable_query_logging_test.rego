package builtin.aws.route53.osp0084_test

import rego.v1

import data.builtin.aws.route53.osp0084 as check

zone(private, on) := {"name": {"value": "example.com."}, "private": {"value": private}, "querylogging": {"enabled": {"value": on}}}

test_fails_without_query_logging if {
	r := check.deny with input as {"aws": {"route53": {"hostedzones": [zone(false, false)]}}}
	count(r) == 1
	some x in r
	x.msg == "Public hosted zone 'example.com.' has no query logging."
}

test_passes_with_query_logging if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [zone(false, true)]}}}
}

test_ignores_private_zones if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [zone(true, false)]}}}
}

package builtin.aws.route53.osp0083_test

import rego.v1

import data.builtin.aws.route53.osp0083 as check

zone(private, sig) := {"name": {"value": "example.com."}, "private": {"value": private}, "dnssec": {"servesignature": {"value": sig}, "keysigningkeys": []}}

test_fails_not_signing if {
	r := check.deny with input as {"aws": {"route53": {"hostedzones": [zone(false, "NOT_SIGNING")]}}}
	count(r) == 1
	some x in r
	x.msg == "Public hosted zone 'example.com.' is not DNSSEC-signed (NOT_SIGNING)."
}

test_fails_deleting if {
	count(check.deny) == 1 with input as {"aws": {"route53": {"hostedzones": [zone(false, "DELETING")]}}}
}

test_passes_signing if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [zone(false, "SIGNING")]}}}
}

test_leaves_action_needed_to_0086 if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [zone(false, "ACTION_NEEDED")]}}}
}

test_ignores_private_zones if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [{"name": {"value": "internal."}, "private": {"value": true}}]}}}
}

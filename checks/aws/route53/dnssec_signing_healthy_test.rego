package builtin.aws.route53.osp0086_test

import rego.v1

import data.builtin.aws.route53.osp0086 as check

zone(sig, ksk) := {"name": {"value": "example.com."}, "private": {"value": false}, "dnssec": {"servesignature": {"value": sig}, "statusmessage": {"value": "KMS key disabled"}, "keysigningkeys": [{"name": {"value": "ksk1"}, "status": {"value": ksk}}]}}

test_fails_action_needed if {
	r := check.deny with input as {"aws": {"route53": {"hostedzones": [zone("ACTION_NEEDED", "ACTION_NEEDED")]}}}
	count(r) == 1
	some x in r
	x.msg == "DNSSEC signing of hosted zone 'example.com.' is ACTION_NEEDED: KMS key disabled"
}

test_fails_broken_ksk if {
	r := check.deny with input as {"aws": {"route53": {"hostedzones": [zone("SIGNING", "INTERNAL_FAILURE")]}}}
	count(r) == 1
	some x in r
	x.msg == "Key-signing key 'ksk1' of hosted zone 'example.com.' is INTERNAL_FAILURE: no message"
}

test_passes_signing if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [zone("SIGNING", "ACTIVE")]}}}
}

test_not_signing_is_left_to_0083 if {
	count(check.deny) == 0 with input as {"aws": {"route53": {"hostedzones": [{"name": {"value": "x."}, "private": {"value": false}, "dnssec": {"servesignature": {"value": "NOT_SIGNING"}, "keysigningkeys": []}}]}}}
}

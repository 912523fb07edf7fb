package builtin.aws.account.osp0001_test

import rego.v1

import data.builtin.aws.account.osp0001 as check

sec := {"type": {"value": "SECURITY"}, "emailaddress": {"value": "sec@example.com"}, "name": {"value": "Sec"}}

test_fails_without_contacts if {
	count(check.deny) == 1 with input as {"aws": {"account": {"alternatecontacts": []}}}
}

test_fails_with_billing_contact_only if {
	c := object.union(sec, {"type": {"value": "BILLING"}})
	count(check.deny) == 1 with input as {"aws": {"account": {"alternatecontacts": [c]}}}
}

test_passes_with_security_contact if {
	count(check.deny) == 0 with input as {"aws": {"account": {"alternatecontacts": [sec]}}}
}

test_silent_when_not_collected if {
	count(check.deny) == 0 with input as {"aws": {"iam": {}}}
}

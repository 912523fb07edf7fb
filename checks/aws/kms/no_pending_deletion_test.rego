package builtin.aws.kms.osp0176_test

import rego.v1

import data.builtin.aws.kms.osp0176 as check

doc(extra) := {"aws": {"kms": {"keys": [object.union({"id": {"value": "k1"}, "manager": {"value": "CUSTOMER"}}, extra)]}}}

test_fails_on_a_key_pending_deletion if {
	count(check.deny) == 1 with input as doc({"keystate": {"value": "PendingDeletion"}})
}

test_passes_on_an_enabled_key if {
	count(check.deny) == 0 with input as doc({"keystate": {"value": "Enabled"}})
}

test_aws_managed_keys_are_not_judged if {
	count(check.deny) == 0 with input as doc({"manager": {"value": "AWS"}, "keystate": {"value": "PendingDeletion"}})
}

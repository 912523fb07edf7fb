package builtin.aws.kms.aws0065_test

import rego.v1

import data.builtin.aws.kms.aws0065 as check

key(extra) := object.union({"id": {"value": "k"}, "usage": {"value": "ENCRYPT_DECRYPT"}, "manager": {"value": "CUSTOMER"}, "keyspec": {"value": "SYMMETRIC_DEFAULT"}, "keystate": {"value": "Enabled"}}, extra)

test_fails_without_rotation if {
	count(check.deny) == 1 with input as {"aws": {"kms": {"keys": [key({"rotationenabled": {"value": false}})]}}}
}

test_passes_with_rotation if {
	count(check.deny) == 0 with input as {"aws": {"kms": {"keys": [key({"rotationenabled": {"value": true}})]}}}
}

test_ignores_aws_managed_keys if {
	count(check.deny) == 0 with input as {"aws": {"kms": {"keys": [key({"manager": {"value": "AWS"}})]}}}
}

test_fails_when_usage_was_not_reported if {
	k := object.remove(key({"rotationenabled": {"value": false}}), ["usage"])
	count(check.deny) == 1 with input as {"aws": {"kms": {"keys": [k]}}}
}

test_ignores_signing_keys if {
	count(check.deny) == 0 with input as {"aws": {"kms": {"keys": [key({"usage": {"value": "SIGN_VERIFY"}})]}}}
}

test_ignores_asymmetric_and_deleted_keys if {
	keys := [key({"keyspec": {"value": "RSA_2048"}}), key({"keystate": {"value": "PendingDeletion"}})]
	count(check.deny) == 0 with input as {"aws": {"kms": {"keys": keys}}}
}

package builtin.aws.kinesis.osp0163_test

import rego.v1

import data.builtin.aws.kinesis.osp0163 as check

doc(enc) := {"aws": {"kinesis": {"streams": [{"name": {"value": "s"}, "encryption": enc}]}}}

test_fails_unencrypted if {
	count(check.deny) == 1 with input as doc({"type": {"value": "NONE"}})
}

test_passes_with_the_aws_managed_key if {
	count(check.deny) == 0 with input as doc({"type": {"value": "KMS"}, "kmskeyid": {"value": "alias/aws/kinesis"}})
}

test_fails_without_a_type if {
	count(check.deny) == 1 with input as doc({})
}

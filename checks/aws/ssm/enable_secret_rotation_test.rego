package builtin.aws.ssm.osp0167_test

import rego.v1

import data.builtin.aws.ssm.osp0167 as check

doc(extra) := {"aws": {"ssm": {"secrets": [object.union({"name": {"value": "db"}}, extra)]}}}

test_fails_with_rotation_off if {
	count(check.deny) == 1 with input as doc({"rotationenabled": {"value": false}})
}

test_fails_when_rotation_was_never_configured if {
	count(check.deny) == 1 with input as doc({})
}

test_passes_with_rotation_on if {
	count(check.deny) == 0 with input as doc({"rotationenabled": {"value": true}})
}

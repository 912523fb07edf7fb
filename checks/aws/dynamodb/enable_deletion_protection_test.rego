package builtin.aws.dynamodb.osp0161_test

import rego.v1

import data.builtin.aws.dynamodb.osp0161 as check

doc(extra) := {"aws": {"dynamodb": {"tables": [object.union({"name": {"value": "t"}}, extra)]}}}

test_fails_without_deletion_protection if {
	count(check.deny) == 1 with input as doc({"deletionprotection": {"value": false}})
}

test_passes_with_deletion_protection if {
	count(check.deny) == 0 with input as doc({"deletionprotection": {"value": true}})
}

# DescribeTable denied: the field is absent and a gap names it, so it is not judged as off
test_unknown_setting_is_not_a_failure if {
	count(check.deny) == 0 with input as doc({})
}

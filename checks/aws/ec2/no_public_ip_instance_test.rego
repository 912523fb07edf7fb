package builtin.aws.ec2.osp0178_test

import rego.v1

import data.builtin.aws.ec2.osp0178 as check

doc(extra) := {"aws": {"ec2": {"instances": [object.union({"id": {"value": "i-1"}}, extra)]}}}

test_fails_with_a_public_ip if {
	count(check.deny) == 1 with input as doc({"publicipaddress": {"value": "203.0.113.7"}})
}

test_passes_without_a_public_ip if {
	count(check.deny) == 0 with input as doc({})
	count(check.deny) == 0 with input as doc({"publicipaddress": {"value": ""}})
}

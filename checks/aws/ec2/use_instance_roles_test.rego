package builtin.aws.ec2.osp0002_test

import rego.v1

import data.builtin.aws.ec2.osp0002 as check

test_fails_without_profile if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"instances": [{"id": {"value": "i-1"}}]}}}
}

test_passes_with_profile if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"id": {"value": "i-1"}, "iaminstanceprofile": {"value": "arn:aws:iam::1:instance-profile/app"}}]}}}
}

test_no_instances if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": []}}}
}

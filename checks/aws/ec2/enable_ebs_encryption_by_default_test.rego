package builtin.aws.ec2.osp0005_test

import rego.v1

import data.builtin.aws.ec2.osp0005 as check

test_fails_when_off if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"ebsencryptionbydefault": {"enabled": {"value": false}}}}}
}

test_passes_when_on if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"ebsencryptionbydefault": {"enabled": {"value": true}}}}}
}

test_fails_when_setting_missing if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"vpcs": []}}}
}

package builtin.aws.ec2.aws0131_test

import rego.v1

import data.builtin.aws.ec2.aws0131 as check

test_fails_for_plain_root if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"instances": [{"rootblockdevice": {"encrypted": {"value": false}}, "ebsblockdevices": []}]}}}
}

test_fails_for_plain_data_volume if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"instances": [{"rootblockdevice": {"encrypted": {"value": true}}, "ebsblockdevices": [{"encrypted": {"value": false}}]}]}}}
}

test_passes_when_all_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"rootblockdevice": {"encrypted": {"value": true}}, "ebsblockdevices": [{"encrypted": {"value": true}}]}]}}}
}

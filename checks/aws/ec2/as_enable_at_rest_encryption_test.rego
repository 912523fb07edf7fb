package builtin.aws.ec2.aws0008_test

import rego.v1

import data.builtin.aws.ec2.aws0008 as check

lc(devs) := {"name": {"value": "lc"}, "ebsblockdevices": devs}

enc(b) := {"devicename": {"value": "/dev/xvda"}, "encrypted": {"value": b}}

test_fails_for_an_unencrypted_volume if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchconfigurations": [lc([enc(true), enc(false)])]}}}
}

test_fails_for_an_unencrypted_root_device if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchconfigurations": [{"rootblockdevice": enc(false), "ebsblockdevices": []}]}}}
}

test_passes_when_all_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"launchconfigurations": [lc([enc(true)])]}}}
}

# EBS encryption by default encrypts the volume whatever the mapping says
test_passes_with_encryption_by_default if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"ebsencryptionbydefault": {"enabled": {"value": true}}, "launchconfigurations": [lc([enc(false)])]}}}
}

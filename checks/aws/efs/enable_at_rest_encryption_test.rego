package builtin.aws.efs.aws0037_test

import rego.v1

import data.builtin.aws.efs.aws0037 as check

test_fails_when_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"efs": {"filesystems": [{"id": {"value": "fs-1"}, "encrypted": {"value": false}}]}}}
}

test_passes_when_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"efs": {"filesystems": [{"id": {"value": "fs-1"}, "encrypted": {"value": true}}]}}}
}

test_no_file_systems_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"efs": {"filesystems": []}}}
}

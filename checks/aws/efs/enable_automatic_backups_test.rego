package builtin.aws.efs.osp0031_test

import rego.v1

import data.builtin.aws.efs.osp0031 as check

fs(extra) := {"aws": {"efs": {"filesystems": [object.union({"id": {"value": "fs-1"}}, extra)]}}}

test_fails_without_backups if {
	count(check.deny) == 1 with input as fs({"automaticbackups": {"value": false}})
}

test_passes_with_backups if {
	count(check.deny) == 0 with input as fs({"automaticbackups": {"value": true}, "backuppolicystatus": {"value": "ENABLED"}})
}

# A denied DescribeBackupPolicy leaves the field absent (a gap names it): not judged as off.
test_unknown_backup_state_is_not_a_failure if {
	count(check.deny) == 0 with input as fs({})
}

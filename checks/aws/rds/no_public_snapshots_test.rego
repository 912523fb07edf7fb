package builtin.aws.rds.osp0011_test

import rego.v1

import data.builtin.aws.rds.osp0011 as check

attrs(values) := [{"attributename": {"value": "restore"}, "attributevalues": [{"value": v} | some v in values]}]

test_fails_for_public_snapshots if {
	count(check.deny) == 2 with input as {"aws": {"rds": {"snapshots": [{"dbsnapshotidentifier": {"value": "s"}, "snapshotattributes": attrs(["all"])}], "clustersnapshots": [{"snapshotattributes": attrs(["111122223333", "all"])}]}}}
}

test_passes_for_private_and_shared_snapshots if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"snapshots": [{"snapshotattributes": attrs([])}, {"snapshotattributes": attrs(["444455556666"])}]}}}
}

test_passes_without_attributes if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"snapshots": [{"dbsnapshotidentifier": {"value": "s"}}]}}}
}

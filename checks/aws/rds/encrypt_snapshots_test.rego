package builtin.aws.rds.osp0173_test

import rego.v1

import data.builtin.aws.rds.osp0173 as check

test_fails_on_unencrypted_db_and_cluster_snapshots if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"snapshots": [{"encrypted": {"value": false}}]}}}
	count(check.deny) == 1 with input as {"aws": {"rds": {"clustersnapshots": [{"encrypted": {"value": false}}]}}}
}

test_passes_on_encrypted_snapshots if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"snapshots": [{"encrypted": {"value": true}}], "clustersnapshots": [{"encrypted": {"value": true}}]}}}
}

test_unknown_encryption_is_not_a_failure if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"snapshots": [{}], "clustersnapshots": [{}]}}}
}

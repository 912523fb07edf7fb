package builtin.aws.redshift.osp0103_test

import rego.v1

import data.builtin.aws.redshift.osp0103 as check

test_fails_when_off_or_short if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"automatedsnapshotretentionperiod": {"value": 0}}]}}}
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"automatedsnapshotretentionperiod": {"value": 6}}]}}}
}

test_passes_at_seven_days if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"automatedsnapshotretentionperiod": {"value": 7}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{}]}}}
}

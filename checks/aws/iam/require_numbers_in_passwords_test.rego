package builtin.aws.iam.aws0059_test

import rego.v1

import data.builtin.aws.iam.aws0059 as check

test_fails_when_policy_is_weak if {
	count(check.deny) == 1 with input as {"aws": {"iam": {"passwordpolicy": {"requirenumbers": {"value": false}}}}}
}

test_fails_when_account_has_no_policy if {
	count(check.deny) == 1 with input as {"aws": {"iam": {"users": []}}}
}

test_passes_when_policy_complies if {
	count(check.deny) == 0 with input as {"aws": {"iam": {"passwordpolicy": {"requirenumbers": {"value": true}}}}}
}

test_passes_with_extra_metadata if {
	count(check.deny) == 0 with input as {"aws": {"iam": {"passwordpolicy": {"requirenumbers": {"value": true, "unresolvable": false}}}}}
}

test_silent_when_iam_was_not_collected if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": []}}}
}

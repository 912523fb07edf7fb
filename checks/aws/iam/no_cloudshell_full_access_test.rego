package builtin.aws.iam.osp0042_test

import rego.v1

import data.builtin.aws.iam.osp0042 as check

attached(kind, arn) := {"aws": {"iam": {kind: [{"name": {"value": "who"}, "policies": [{"name": {"value": "p"}, "arn": {"value": arn}}]}]}}}

test_fails_for_user if {
	count(check.deny) == 1 with input as attached("users", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess")
}

test_fails_for_role_in_govcloud if {
	count(check.deny) == 1 with input as attached("roles", "arn:aws-us-gov:iam::aws:policy/AWSCloudShellFullAccess")
}

test_fails_for_group if {
	count(check.deny) == 1 with input as attached("groups", "arn:aws:iam::aws:policy/AWSCloudShellFullAccess")
}

test_passes_for_customer_policy_of_the_same_name if {
	count(check.deny) == 0 with input as attached("users", "arn:aws:iam::123456789012:policy/AWSCloudShellFullAccess")
}

test_passes_for_other_aws_policy if {
	count(check.deny) == 0 with input as attached("roles", "arn:aws:iam::aws:policy/ReadOnlyAccess")
}

test_passes_without_iam if {
	count(check.deny) == 0 with input as {"aws": {}}
}

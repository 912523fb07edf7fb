package builtin.aws.iam.aws0169_test

import rego.v1

import data.builtin.aws.iam.aws0169 as check

support := {"name": {"value": "AWSSupportAccess"}, "builtin": {"value": true}, "arn": {"value": "arn:aws:iam::aws:policy/AWSSupportAccess"}}

test_fails_without_support_role if {
	r := {"name": {"value": "app"}, "policies": []}
	count(check.deny) == 1 with input as {"aws": {"iam": {"roles": [r]}}}
}

test_fails_when_policy_is_on_a_user_only if {
	count(check.deny) == 1 with input as {"aws": {"iam": {"roles": [], "users": [{"name": {"value": "u"}, "policies": [support]}]}}}
}

test_passes_with_support_role if {
	r := {"name": {"value": "support"}, "policies": [support]}
	count(check.deny) == 0 with input as {"aws": {"iam": {"roles": [r]}}}
}

test_customer_policy_named_like_it_does_not_count if {
	fake := {"name": {"value": "AWSSupportAccess"}, "builtin": {"value": false}, "arn": {"value": "arn:aws:iam::123456789012:policy/Custom"}}
	count(check.deny) == 1 with input as {"aws": {"iam": {"roles": [{"name": {"value": "r"}, "policies": [fake]}]}}}
}

test_fails_for_customer_policy_named_like_the_aws_one if {
	role := {"name": {"value": "support"}, "policies": [{"name": {"value": "AWSSupportAccess"}, "builtin": {"value": false}, "arn": {"value": "arn:aws:iam::123456789012:policy/AWSSupportAccess"}}]}
	count(check.deny) == 1 with input as {"aws": {"iam": {"roles": [role]}}}
}

test_passes_in_another_partition if {
	role := {"name": {"value": "support"}, "policies": [{"name": {"value": "AWSSupportAccess"}, "builtin": {"value": true}, "arn": {"value": "arn:aws-us-gov:iam::aws:policy/AWSSupportAccess"}}]}
	count(check.deny) == 0 with input as {"aws": {"iam": {"roles": [role]}}}
}

package builtin.aws.lambda.aws0067_test

import rego.v1

import data.builtin.aws.lambda.aws0067 as check

fn(perms) := {"aws": {"lambda": {"functions": [{"name": {"value": "f"}, "permissions": perms}]}}}

test_fails_for_service_without_source if {
	count(check.deny) == 1 with input as fn([{"principal": {"value": "sns.amazonaws.com"}}])
}

test_passes_with_source_arn_or_account if {
	perms := [
		{"principal": {"value": "s3.amazonaws.com"}, "sourcearn": {"value": "arn:aws:s3:::b"}},
		{"principal": {"value": "logs.amazonaws.com"}, "sourcearn": {"value": "111122223333"}, "sourceaccount": {"value": "111122223333"}},
	]
	count(check.deny) == 0 with input as fn(perms)
}

test_ignores_accounts_and_deny_statements if {
	perms := [
		{"principal": {"value": "arn:aws:iam::444455556666:root"}},
		{"principal": {"value": "events.amazonaws.com"}, "effect": {"value": "Deny"}},
	]
	count(check.deny) == 0 with input as fn(perms)
}

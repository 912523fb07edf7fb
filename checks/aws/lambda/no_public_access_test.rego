package builtin.aws.lambda.osp0013_test

import rego.v1

import data.builtin.aws.lambda.osp0013 as check

fn(perms) := {"aws": {"lambda": {"functions": [{"name": {"value": "f"}, "permissions": perms}]}}}

test_fails_for_everyone if {
	count(check.deny) == 1 with input as fn([{"principal": {"value": "*"}, "statementid": {"value": "url"}}])
}

test_passes_for_named_principals if {
	count(check.deny) == 0 with input as fn([{"principal": {"value": "arn:aws:iam::444455556666:root"}}, {"principal": {"value": "s3.amazonaws.com"}}])
}

test_passes_for_restricted_or_denied_wildcards if {
	perms := [
		{"principal": {"value": "*"}, "sourcearn": {"value": "arn:aws:execute-api:us-east-1:111122223333:api/*"}},
		{"principal": {"value": "*"}, "effect": {"value": "Deny"}},
	]
	count(check.deny) == 0 with input as fn(perms)
}

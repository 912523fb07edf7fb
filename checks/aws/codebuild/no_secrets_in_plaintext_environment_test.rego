package builtin.aws.codebuild.osp0050_test

import rego.v1

import data.builtin.aws.codebuild.osp0050 as check

p(vars) := {"aws": {"codebuild": {"projects": [{"name": {"value": "p"}, "environment": {"variables": vars}}]}}}

test_fails_for_redaction_marker if {
	count(check.deny) == 1 with input as p([{"name": {"value": "AWS_ACCESS_KEY_ID"}, "type": {"value": "PLAINTEXT"}, "value": {"value": "[osprey-redacted:AWS Access Key ID]"}}])
}

test_fails_for_a_clear_key_without_type if {
	count(check.deny) == 1 with input as p([{"name": {"value": "K"}, "value": {"value": "AKIAIOSFODNN7EXAMPLQ"}}])
}

test_passes_for_plain_markers_and_references if {
	vars := [
		{"name": {"value": "STAGE"}, "type": {"value": "PLAINTEXT"}, "value": {"value": "[osprey-redacted]"}},
		{"name": {"value": "DB"}, "type": {"value": "SECRETS_MANAGER"}, "reference": {"value": "arn:aws:secretsmanager:us-east-1:1:secret:db"}},
	]
	count(check.deny) == 0 with input as p(vars)
}

package builtin.aws.lambda.osp0012_test

import rego.v1

import data.builtin.aws.lambda.osp0012 as check

fn(vars) := {"aws": {"lambda": {"functions": [{"name": {"value": "f"}, "environment": {"variables": vars}}]}}}

test_fails_for_redaction_marker if {
	count(check.deny) == 1 with input as fn([{"name": {"value": "DB_PASSWORD"}, "value": {"value": "[osprey-redacted:Password literal]"}}])
}

test_fails_for_a_clear_key if {
	count(check.deny) == 1 with input as fn([{"name": {"value": "K"}, "value": {"value": "AKIAIOSFODNN7EXAMPLQ"}}])
}

test_passes_for_plain_markers_and_values if {
	vars := [{"name": {"value": "TABLE"}, "value": {"value": "[osprey-redacted]"}}, {"name": {"value": "MODE"}, "value": {"value": "fast"}}]
	count(check.deny) == 0 with input as fn(vars)
}

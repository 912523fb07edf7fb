package builtin.aws.ecs.aws0036_test

import rego.v1

import data.builtin.aws.ecs.aws0036 as check

td(env) := {"aws": {"ecs": {"taskdefinitions": [{"family": {"value": "web"}, "containerdefinitions": [{"name": {"value": "app"}, "environment": env}]}]}}}

test_fails_for_redaction_marker if {
	count(check.deny) == 1 with input as td([{"name": {"value": "DB_PASSWORD"}, "value": {"value": "[osprey-redacted:Password literal]"}}])
}

test_fails_for_a_clear_key if {
	count(check.deny) == 1 with input as td([{"name": {"value": "K"}, "value": {"value": "AKIAIOSFODNN7EXAMPLQ"}}])
}

test_passes_for_plain_markers_and_values if {
	env := [{"name": {"value": "TABLE"}, "value": {"value": "[osprey-redacted]"}}, {"name": {"value": "MODE"}, "value": {"value": "fast"}}]
	count(check.deny) == 0 with input as td(env)
}

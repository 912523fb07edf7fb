package builtin.aws.codebuild.osp0053_test

import rego.v1

import data.builtin.aws.codebuild.osp0053 as check

p(cw, s3) := {"aws": {"codebuild": {"projects": [{"name": {"value": "p"}, "logsconfig": {"cloudwatchlogsstatus": {"value": cw}, "s3logsstatus": {"value": s3}}}]}}}

test_fails_without_any_logs if {
	count(check.deny) == 1 with input as p("DISABLED", "DISABLED")
}

test_passes_with_cloudwatch_logs if {
	count(check.deny) == 0 with input as p("ENABLED", "DISABLED")
}

test_passes_with_s3_logs if {
	count(check.deny) == 0 with input as p("DISABLED", "ENABLED")
}

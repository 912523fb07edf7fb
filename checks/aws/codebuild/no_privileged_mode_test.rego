package builtin.aws.codebuild.osp0052_test

import rego.v1

import data.builtin.aws.codebuild.osp0052 as check

p(priv) := {"aws": {"codebuild": {"projects": [{"name": {"value": "p"}, "environment": {"privilegedmode": {"value": priv}}}]}}}

test_fails_when_privileged if {
	count(check.deny) == 1 with input as p(true)
}

test_passes_when_not_privileged if {
	count(check.deny) == 0 with input as p(false)
}

package builtin.aws.ecs.aws0034_test

import rego.v1

import data.builtin.aws.ecs.aws0034 as check

cl(settings) := {"aws": {"ecs": {"clusters": [{"name": {"value": "c"}, "settings": settings}]}}}

test_fails_when_disabled if {
	count(check.deny) == 1 with input as cl({"containerinsightsenabled": {"value": false}})
}

test_fails_when_never_set if {
	count(check.deny) == 1 with input as {"aws": {"ecs": {"clusters": [{"name": {"value": "c"}}]}}}
}

test_passes_when_enabled if {
	count(check.deny) == 0 with input as cl({"containerinsightsenabled": {"value": true}})
}

# the collector reads "enhanced" as enabled (Trivy flags it)
test_passes_when_enhanced if {
	count(check.deny) == 0 with input as cl({"containerinsights": {"value": "enhanced"}, "containerinsightsenabled": {"value": true}})
}

package builtin.aws.ecs.osp0177_test

import rego.v1

import data.builtin.aws.ecs.osp0177 as check

doc(privileged) := {"aws": {"ecs": {"taskdefinitions": [{"family": {"value": "web"}, "containerdefinitions": [{"name": {"value": "app"}, "privileged": {"value": privileged}}]}]}}}

test_fails_on_a_privileged_container if {
	count(check.deny) == 1 with input as doc(true)
}

test_passes_on_an_unprivileged_container if {
	count(check.deny) == 0 with input as doc(false)
}

test_a_task_definition_without_containers_is_not_a_failure if {
	count(check.deny) == 0 with input as {"aws": {"ecs": {"taskdefinitions": [{"family": {"value": "web"}}]}}}
}

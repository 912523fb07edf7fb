package builtin.aws.ecs.aws0035_test

import rego.v1

import data.builtin.aws.ecs.aws0035 as check

td(volumes) := {"aws": {"ecs": {"taskdefinitions": [{"family": {"value": "web"}, "volumes": volumes}]}}}

test_fails_for_efs_without_transit_encryption if {
	count(check.deny) == 1 with input as td([{"name": {"value": "data"}, "efsvolumeconfiguration": {"transitencryptionenabled": {"value": false}}}])
}

test_passes_for_efs_with_transit_encryption if {
	count(check.deny) == 0 with input as td([{"name": {"value": "data"}, "efsvolumeconfiguration": {"transitencryptionenabled": {"value": true}}}])
}

# Trivy flags every host / docker volume; they have no EFS block
test_passes_for_host_volumes if {
	count(check.deny) == 0 with input as td([{"name": {"value": "scratch"}}])
}

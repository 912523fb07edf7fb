package builtin.aws.redshift.osp0102_test

import rego.v1

import data.builtin.aws.redshift.osp0102 as check

doc(value) := {"aws": {"redshift": {
	"clusters": [{"clusteridentifier": {"value": "c"}, "parametergroupnames": [{"value": "g"}]}],
	"clusterparameters": [
		{"parametergroupname": {"value": "g"}, "parametername": {"value": "require_ssl"}, "parametervalue": {"value": value}},
		{"parametergroupname": {"value": "other"}, "parametername": {"value": "require_ssl"}, "parametervalue": {"value": "true"}},
	],
}}}

test_fails_when_false if {
	count(check.deny) == 1 with input as doc("false")
}

test_passes_when_true if {
	count(check.deny) == 0 with input as doc("true")
	count(check.deny) == 0 with input as doc("TRUE")
}

test_missing_parameters_are_not_evaluated if {
	d := {"aws": {"redshift": {"clusters": [{"clusteridentifier": {"value": "c"}, "parametergroupnames": [{"value": "g"}]}], "clusterparameters": []}}}
	count(check.deny) == 0 with input as d
	count(check.not_evaluated) == 1 with input as d
}

package builtin.aws.redshift.aws0083_test

import rego.v1

import data.builtin.aws.redshift.aws0083 as check

test_fails_without_description if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"securitygroups": [{"description": {"value": ""}}]}}}
}

test_passes_with_description if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"securitygroups": [{"description": {"value": "bi"}}]}}}
}

test_no_groups_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": []}}}
}

package builtin.aws.redshift.aws0085_test

import rego.v1

import data.builtin.aws.redshift.aws0085 as check

test_fails_on_any_group if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"securitygroups": [{"description": {"value": "x"}}]}}}
}

test_passes_without_groups if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"securitygroups": [], "clusters": [{}]}}}
}

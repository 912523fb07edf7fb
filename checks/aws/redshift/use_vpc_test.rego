package builtin.aws.redshift.aws0127_test

import rego.v1

import data.builtin.aws.redshift.aws0127 as check

test_fails_without_subnet_group if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"subnetgroupname": {"value": ""}}]}}}
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{}]}}}
}

test_passes_in_a_vpc if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"subnetgroupname": {"value": "private"}}]}}}
}

package builtin.aws.elasticache.aws0049_test

import rego.v1

import data.builtin.aws.elasticache.aws0049 as check

test_fails_without_description if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"securitygroups": [{"description": {"value": ""}}]}}}
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"securitygroups": [{}]}}}
}

test_passes_with_description if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"securitygroups": [{"description": {"value": "app cache"}}]}}}
}

test_no_groups_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": []}}}
}

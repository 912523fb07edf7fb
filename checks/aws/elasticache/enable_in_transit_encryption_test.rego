package builtin.aws.elasticache.aws0051_test

import rego.v1

import data.builtin.aws.elasticache.aws0051 as check

test_fails_in_clear if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"replicationgroups": [{"transitencryptionenabled": {"value": false}}]}}}
}

test_passes_with_tls if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"replicationgroups": [{"transitencryptionenabled": {"value": true}}]}}}
}

test_no_groups_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"replicationgroups": []}}}
}

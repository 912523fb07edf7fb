package builtin.aws.elasticache.osp0100_test

import rego.v1

import data.builtin.aws.elasticache.osp0100 as check

test_fails_when_off if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"clusters": [{"autominorversionupgrade": {"value": false}}]}}}
}

test_passes_when_on if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": [{"autominorversionupgrade": {"value": true}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": [{"clusterid": {"value": "c"}}]}}}
}

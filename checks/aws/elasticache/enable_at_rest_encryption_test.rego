package builtin.aws.elasticache.aws0045_test

import rego.v1

import data.builtin.aws.elasticache.aws0045 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"replicationgroups": [{"atrestencryptionenabled": {"value": false}}]}}}
}

test_fails_when_the_flag_is_missing if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"replicationgroups": [{"replicationgroupid": {"value": "g"}}]}}}
}

test_passes_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"replicationgroups": [{"atrestencryptionenabled": {"value": true}}]}}}
}

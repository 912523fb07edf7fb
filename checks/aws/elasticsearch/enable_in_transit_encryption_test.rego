package builtin.aws.elasticsearch.aws0043_test

import rego.v1

import data.builtin.aws.elasticsearch.aws0043 as check

test_fails_without_node_to_node if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"transitencryption": {"enabled": {"value": false}}})]}}}
}

test_passes_with_node_to_node if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"transitencryption": {"enabled": {"value": true}}})]}}}
}

test_missing_block_fails if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {})]}}}
}

package builtin.aws.elasticsearch.aws0048_test

import rego.v1

import data.builtin.aws.elasticsearch.aws0048 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"atrestencryption": {"enabled": {"value": false}}})]}}}
}

test_passes_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"atrestencryption": {"enabled": {"value": true}}})]}}}
}

test_no_domains if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": []}}}
}

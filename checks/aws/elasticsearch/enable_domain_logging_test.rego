package builtin.aws.elasticsearch.aws0042_test

import rego.v1

import data.builtin.aws.elasticsearch.aws0042 as check

test_fails_without_audit_logs if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"logpublishing": {"auditenabled": {"value": false}}})]}}}
}

test_passes_with_audit_logs if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"logpublishing": {"auditenabled": {"value": true}}})]}}}
}

test_error_logs_alone_do_not_count if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"logpublishing": {"auditenabled": {"value": false}, "errorenabled": {"value": true}}})]}}}
}

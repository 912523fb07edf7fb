package builtin.aws.elasticsearch.aws0126_test

import rego.v1

import data.builtin.aws.elasticsearch.aws0126 as check

test_fails_tls10 if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"endpoint": {"tlspolicy": {"value": "Policy-Min-TLS-1-0-2019-07"}}})]}}}
}

test_passes_tls12 if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"endpoint": {"tlspolicy": {"value": "Policy-Min-TLS-1-2-PFS-2023-10"}}})]}}}
}

# Trivy accepts only two policy names; a newer TLS 1.2 policy is not outdated.
test_passes_newer_tls12_policy if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"endpoint": {"tlspolicy": {"value": "Policy-Min-TLS-1-2-RFC9151-FIPS-2024-01"}}})]}}}
}

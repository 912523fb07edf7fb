package builtin.aws.apigateway.aws0005_test

import rego.v1

import data.builtin.aws.apigateway.aws0005 as check

dom(name, policy) := {"name": {"value": name}, "securitypolicy": {"value": policy}}

test_fails_tls_1_0_v1 if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v1": {"domainnames": [dom("a.example.com", "TLS_1_0")]}}}}
}

test_fails_tls_1_0_v2 if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v2": {"domainnames": [dom("b.example.com", "TLS_1_0")]}}}}
}

test_fails_without_policy if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v1": {"domainnames": [{"name": {"value": "c"}}]}}}}
}

test_passes_tls12_and_enhanced_policies if {
	count(check.deny) == 0 with input as {"aws": {"apigateway": {
		"v1": {"domainnames": [dom("a", "TLS_1_2"), dom("e", "SecurityPolicy_TLS12_PFS_2025_EDGE")]},
		"v2": {"domainnames": [dom("r", "SecurityPolicy_TLS13_1_3_2025_09")]},
	}}}
}

# the same regional domain from both APIs yields one finding, not two
test_domain_in_both_lists_is_judged_once if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {
		"v1": {"domainnames": [dom("same", "TLS_1_0")]},
		"v2": {"domainnames": [dom("same", "TLS_1_0")]},
	}}}
}

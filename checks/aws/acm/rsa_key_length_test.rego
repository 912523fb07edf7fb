package builtin.aws.acm.osp0062_test

import rego.v1

import data.builtin.aws.acm.osp0062 as check

certs(alg) := {"aws": {"acm": {"certificates": [{"domainname": {"value": "a.example.com"}, "keyalgorithm": {"value": alg}}]}}}

test_fails_for_rsa_1024 if {
	count(check.deny) == 1 with input as certs("RSA_1024")
}

test_fails_for_describe_spelling if {
	count(check.deny) == 1 with input as certs("RSA-1024")
}

test_passes_for_rsa_2048_and_4096 if {
	count(check.deny) == 0 with input as certs("RSA_2048")
	count(check.deny) == 0 with input as certs("RSA_4096")
}

test_passes_for_ec if {
	count(check.deny) == 0 with input as certs("EC_prime256v1")
}

test_silent_without_algorithm if {
	count(check.deny) == 0 with input as {"aws": {"acm": {"certificates": [{"domainname": {"value": "x"}}]}}}
}

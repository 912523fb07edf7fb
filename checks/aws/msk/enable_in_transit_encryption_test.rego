package builtin.aws.msk.aws0073_test

import rego.v1

import data.builtin.aws.msk.aws0073 as check

doc(cb) := {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "encryptionintransit": {"clientbroker": {"value": cb}}}]}}}

test_fails_plaintext if {
	count(check.deny) == 1 with input as doc("PLAINTEXT")
	count(check.deny) == 1 with input as doc("TLS_PLAINTEXT")
}

test_passes_tls if {
	count(check.deny) == 0 with input as doc("TLS")
}

test_no_clusters_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": []}}}
}

package builtin.aws.msk.aws0179_test

import rego.v1

import data.builtin.aws.msk.aws0179 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"msk": {"clusters": [{"encryptionatrest": {"enabled": {"value": false}}}]}}}
}

test_passes_encrypted if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"encryptionatrest": {"enabled": {"value": true}}}]}}}
}

test_serverless_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"clustertype": {"value": "SERVERLESS"}}]}}}
}

package builtin.aws.rds.aws0080_test

import rego.v1

import data.builtin.aws.rds.aws0080 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db29"}, "encryption": {"encryptstorage": {"value": false}}}]}}}
}

test_fails_when_not_reported if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db30"}}]}}}
}

test_passes_encrypted_with_any_key if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db31"}, "encryption": {"encryptstorage": {"value": true}, "kmskeyid": {"value": "alias/aws/rds"}}}]}}}
}

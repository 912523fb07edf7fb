package builtin.aws.ec2.aws0122_test

import rego.v1

import data.builtin.aws.ec2.aws0122 as check

lc(ud) := {"aws": {"ec2": {"launchconfigurations": [{"name": {"value": "lc"}, "userdata": {"value": ud}}]}}}

test_fails_for_a_redaction_marker if {
	count(check.deny) == 1 with input as lc("#!/bin/sh\nexport AWS_ACCESS_KEY_ID=[osprey-redacted:AWS Access Key ID]\n")
}

test_fails_for_a_clear_key if {
	count(check.deny) == 1 with input as lc("export K=AKIAIOSFODNN7EXAMPLQ")
}

test_passes_for_clean_user_data if {
	count(check.deny) == 0 with input as lc("#!/bin/sh\necho hi\n")
}

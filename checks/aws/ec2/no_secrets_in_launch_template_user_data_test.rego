package builtin.aws.ec2.aws0129_test

import rego.v1

import data.builtin.aws.ec2.aws0129 as check

test_fails_for_access_key if {
	u := "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLQ\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKQY\n"
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchtemplates": [{"name": {"value": "lt"}, "instance": {"userdata": {"value": u}}}]}}}
}

test_passes_for_plain_script if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"launchtemplates": [{"instance": {"userdata": {"value": "echo hi"}}}]}}}
}

test_passes_without_user_data if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"launchtemplates": [{"instance": {}}]}}}
}

test_fails_for_redaction_marker if {
	u := "curl [osprey-redacted:Password in URL]/init\n"
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchtemplates": [{"name": {"value": "lt"}, "instance": {"userdata": {"value": u}}}]}}}
}

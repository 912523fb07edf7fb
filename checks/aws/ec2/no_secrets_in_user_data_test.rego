package builtin.aws.ec2.aws0029_test

import rego.v1

import data.builtin.aws.ec2.aws0029 as check

test_fails_for_access_key if {
	u := "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLQ\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKQY\n"
	count(check.deny) == 1 with input as {"aws": {"ec2": {"instances": [{"userdata": {"value": u}}]}}}
}

test_passes_for_plain_script if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"userdata": {"value": "#!/bin/sh\nyum -y update\n"}}]}}}
}

test_passes_without_user_data if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{}]}}}
}

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

# osprey stores user data redacted: the marker a collector left still fails the check
test_fails_for_redaction_marker if {
	u := "#!/bin/sh\nexport AWS_ACCESS_KEY_ID=[osprey-redacted:AWS Access Key ID]\n"
	r := check.deny with input as {"aws": {"ec2": {"instances": [{"id": {"value": "i-1"}, "userdata": {"value": u}}]}}}
	count(r) == 1
	some f in r
	contains(f.msg, "AWS Access Key ID")
}

test_passes_for_plain_value_marker if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"userdata": {"value": "X=[osprey-redacted]"}}]}}}
}

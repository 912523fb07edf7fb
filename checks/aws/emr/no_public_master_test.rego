package builtin.aws.emr.osp0137_test

import rego.v1

import data.builtin.aws.emr.osp0137 as check

doc(dns) := {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}, "masterpublicdnsname": {"value": dns}}]}}}

test_fails_public_dns if {
	count(check.deny) == 1 with input as doc("ec2-54-1-2-3.compute-1.amazonaws.com")
}

test_passes_private_dns if {
	count(check.deny) == 0 with input as doc("ip-10-0-1-5.ec2.internal")
}

test_not_started_yet if {
	count(check.deny) == 0 with input as {"aws": {"emr": {"clusters": [{"settings": {"name": {"value": "c1"}}}]}}}
}

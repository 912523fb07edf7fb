package builtin.aws.elasticsearch.osp0120_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0120 as check

test_fails_public if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {})]}}}
}

test_passes_in_vpc if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"vpcid": {"value": "vpc-1"}})]}}}
}

test_subnets_without_vpc_id_is_in_vpc if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [{"domainname": {"value": "d1"}, "subnetids": [{"value": "subnet-1"}]}]}}}
}

test_empty_vpc_id_is_public if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"vpcid": {"value": ""}})]}}}
}

package builtin.aws.eks.aws0041_test

import rego.v1

import data.builtin.aws.eks.aws0041 as check

test_open_to_world_fails if {
	count(check.deny) == 1 with input as {"aws": {"eks": {"clusters": [{"publicaccessenabled": {"value": true}, "publicaccesscidrs": [{"value": "0.0.0.0/0"}]}]}}}
}

test_private_range_passes if {
	count(check.deny) == 0 with input as {"aws": {"eks": {"clusters": [{"publicaccessenabled": {"value": true}, "publicaccesscidrs": [{"value": "10.0.0.0/16"}]}]}}}
}

test_private_endpoint_passes if {
	count(check.deny) == 0 with input as {"aws": {"eks": {"clusters": [{"publicaccessenabled": {"value": false}, "publicaccesscidrs": [{"value": "0.0.0.0/0"}]}]}}}
}

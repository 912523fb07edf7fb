package builtin.aws.eks.aws0040_test

import rego.v1

import data.builtin.aws.eks.aws0040 as check

test_public_fails if {
	count(check.deny) == 1 with input as {"aws": {"eks": {"clusters": [{"publicaccessenabled": {"value": true}}]}}}
}

test_private_passes if {
	count(check.deny) == 0 with input as {"aws": {"eks": {"clusters": [{"publicaccessenabled": {"value": false}}]}}}
}

test_unknown_passes if {
	count(check.deny) == 0 with input as {"aws": {"eks": {"clusters": [{}]}}}
}

package builtin.aws.ecr.aws0031_test

import rego.v1

import data.builtin.aws.ecr.aws0031 as check

test_mutable_fails if {
	count(check.deny) == 1 with input as {"aws": {"ecr": {"repositories": [{"imagetagsimmutable": {"value": false}}]}}}
}

test_immutable_passes if {
	count(check.deny) == 0 with input as {"aws": {"ecr": {"repositories": [{"imagetagsimmutable": {"value": true}, "imagetagmutability": {"value": "IMMUTABLE_WITH_EXCLUSION"}}]}}}
}

test_unknown_fails if {
	count(check.deny) == 1 with input as {"aws": {"ecr": {"repositories": [{}]}}}
}

package builtin.aws.redshift.osp0119_test

import rego.v1

import data.builtin.aws.redshift.osp0119 as check

test_fails_unencrypted if {
	count(check.deny) == 1 with input as {"aws": {"redshift": {"clusters": [{"encryption": {"enabled": {"value": false}}}]}}}
}

test_passes_with_any_key if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"encryption": {"enabled": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:1:key/aws"}}}]}}}
}

test_unknown_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"redshift": {"clusters": [{"encryption": {}}]}}}
}

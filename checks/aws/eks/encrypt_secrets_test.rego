package builtin.aws.eks.aws0039_test

import rego.v1

import data.builtin.aws.eks.aws0039 as check

test_no_encryption_fails if {
	count(check.deny) == 1 with input as {"aws": {"eks": {"clusters": [{"encryption": {"secrets": {"value": false}}}]}}}
}

test_encryption_without_key_fails if {
	count(check.deny) == 1 with input as {"aws": {"eks": {"clusters": [{"encryption": {"secrets": {"value": true}, "kmskeyid": {"value": ""}}}]}}}
}

test_encryption_with_key_passes if {
	count(check.deny) == 0 with input as {"aws": {"eks": {"clusters": [{"encryption": {"secrets": {"value": true}, "kmskeyid": {"value": "arn:aws:kms:us-east-1:1:key/k"}}}]}}}
}

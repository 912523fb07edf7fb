package builtin.aws.sns.aws0095_test

import rego.v1

import data.builtin.aws.sns.aws0095 as check

test_fails_without_key if {
	count(check.deny) == 1 with input as {"aws": {"sns": {"topics": [{"arn": {"value": "arn:aws:sns:us-east-1:1:t"}, "encryption": {}}]}}}
}

test_passes_with_key if {
	count(check.deny) == 0 with input as {"aws": {"sns": {"topics": [{"arn": {"value": "t"}, "encryption": {"kmskeyid": {"value": "alias/aws/sns"}}}]}}}
}

test_no_topics if {
	count(check.deny) == 0 with input as {"aws": {"sns": {"topics": []}}}
}

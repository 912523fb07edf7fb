package builtin.aws.sns.aws0136_test

import rego.v1

import data.builtin.aws.sns.aws0136 as check

test_fails_for_aws_managed_key if {
	count(check.deny) == 1 with input as {"aws": {"sns": {"topics": [{"arn": {"value": "t"}, "encryption": {"kmskeyid": {"value": "alias/aws/sns"}}}]}}}
}

test_passes_for_cmk if {
	count(check.deny) == 0 with input as {"aws": {"sns": {"topics": [{"arn": {"value": "t"}, "encryption": {"kmskeyid": {"value": "arn:aws:kms:us-east-1:1:key/k"}}}]}}}
}

test_unencrypted_topic_is_left_to_0095 if {
	count(check.deny) == 0 with input as {"aws": {"sns": {"topics": [{"arn": {"value": "t"}, "encryption": {}}]}}}
}

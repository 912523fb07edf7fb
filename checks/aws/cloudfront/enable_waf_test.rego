package builtin.aws.cloudfront.aws0011_test

import rego.v1

import data.builtin.aws.cloudfront.aws0011 as check

test_fails_without_waf if {
	count(check.deny) == 1 with input as {"aws": {"cloudfront": {"distributions": [{"wafid": {"value": ""}}]}}}
}

test_passes_with_waf if {
	count(check.deny) == 0 with input as {"aws": {"cloudfront": {"distributions": [{"wafid": {"value": "arn:aws:wafv2:us-east-1:1:global/webacl/w/x"}}]}}}
}

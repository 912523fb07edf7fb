package builtin.aws.ec2.aws0028_test

import rego.v1

import data.builtin.aws.ec2.aws0028 as check

test_fails_for_optional_tokens if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"instances": [{"metadataoptions": {"httptokens": {"value": "optional"}, "httpendpoint": {"value": "enabled"}}}]}}}
}

test_passes_for_required_tokens if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"metadataoptions": {"httptokens": {"value": "required"}, "httpendpoint": {"value": "enabled"}}}]}}}
}

test_passes_when_endpoint_disabled if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"metadataoptions": {"httptokens": {"value": "optional"}, "httpendpoint": {"value": "disabled"}}}]}}}
}

package builtin.aws.ec2.aws0130_test

import rego.v1

import data.builtin.aws.ec2.aws0130 as check

test_fails_without_metadata_options if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchtemplates": [{"name": {"value": "lt"}, "instance": {}}]}}}
}

test_passes_for_required if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"launchtemplates": [{"instance": {"metadataoptions": {"httptokens": {"value": "required"}}}}]}}}
}

test_fails_for_optional if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchtemplates": [{"instance": {"metadataoptions": {"httptokens": {"value": "optional"}}}}]}}}
}

test_launch_configuration_fails_without_tokens if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"launchconfigurations": [{"name": {"value": "lc"}, "metadataoptions": {"httptokens": {"value": "optional"}}}]}}}
}

test_launch_configuration_passes_with_tokens_or_endpoint_off if {
	lcs := [{"metadataoptions": {"httptokens": {"value": "required"}}}, {"metadataoptions": {"httpendpoint": {"value": "disabled"}}}]
	count(check.deny) == 0 with input as {"aws": {"ec2": {"launchconfigurations": lcs}}}
}

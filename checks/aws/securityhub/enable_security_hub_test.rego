package builtin.aws.securityhub.osp0030_test

import rego.v1

import data.builtin.aws.securityhub.osp0030 as check

hub(enabled) := {"osprey": {"region": "eu-west-1"}, "aws": {"securityhub": {"hub": {
	"__defsec_metadata": {"resource": "arn:aws:securityhub:eu-west-1:111122223333:hub/default"},
	"arn": {"value": "arn:aws:securityhub:eu-west-1:111122223333:hub/default"},
	"enabled": {"value": enabled},
}}}}

test_fails_when_not_subscribed if {
	some r in check.deny with input as hub(false)
	r.msg == "Security Hub is not enabled in eu-west-1."
}

test_passes_when_enabled if {
	count(check.deny) == 0 with input as hub(true)
}

# Not collected (failed, or not offered in the region): nothing to judge here, and no PASS by default
# either: the service's absence is reported beside the findings.
test_not_collected_is_no_finding if {
	count(check.deny) == 0 with input as {"aws": {}}
}

package builtin.aws.guardduty.osp0168_test

import rego.v1

import data.builtin.aws.guardduty.osp0168 as check

doc(detector) := {"aws": {"guardduty": {"detectors": [object.union({"id": {"value": "d1"}}, detector)]}}}

feature(status) := {"name": {"value": "RDS_LOGIN_EVENTS"}, "status": {"value": status}}

other := {"name": {"value": "EBS_MALWARE_PROTECTION"}, "status": {"value": "ENABLED"}}

test_fails_when_the_plan_is_off if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "features": [other, feature("DISABLED")]})
}

test_fails_when_an_enabled_detector_lacks_the_plan if {
	count(check.deny) == 1 with input as doc({"enabled": {"value": true}, "features": [other]})
}

test_passes_when_the_plan_is_on if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": true}, "features": [other, feature("ENABLED")]})
}

# a disabled detector is OSP-AWS-0060's finding; features unknown (GetDetector denied) are not judged
test_disabled_or_unknown_detectors_are_not_judged if {
	count(check.deny) == 0 with input as doc({"enabled": {"value": false}, "features": [feature("DISABLED")]})
	count(check.deny) == 0 with input as doc({})
}

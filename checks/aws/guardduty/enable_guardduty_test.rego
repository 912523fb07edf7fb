package builtin.aws.guardduty.osp0060_test

import rego.v1

import data.builtin.aws.guardduty.osp0060 as check

test_fails_without_detector if {
	count(check.deny) == 1 with input as {"aws": {"guardduty": {"detectors": []}}}
}

test_fails_for_suspended_detector if {
	count(check.deny) == 1 with input as {"aws": {"guardduty": {"detectors": [{"id": {"value": "d1"}, "status": {"value": "DISABLED"}, "enabled": {"value": false}}]}}}
}

test_fails_when_status_unknown if {
	count(check.deny) == 1 with input as {"aws": {"guardduty": {"detectors": [{"id": {"value": "d1"}}]}}}
}

test_passes_with_enabled_detector if {
	count(check.deny) == 0 with input as {"aws": {"guardduty": {"detectors": [{"id": {"value": "d1"}, "status": {"value": "ENABLED"}, "enabled": {"value": true}}]}}}
}

test_silent_when_not_collected if {
	count(check.deny) == 0 with input as {"aws": {}}
}

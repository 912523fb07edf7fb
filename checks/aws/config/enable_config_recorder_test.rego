package builtin.aws.config.osp0006_test

import rego.v1

import data.builtin.aws.config.osp0006 as check

good := {"name": {"value": "default"}, "recording": {"value": true}, "allsupported": {"value": true}, "includeglobalresourcetypes": {"value": true}, "laststatus": {"value": "SUCCESS"}}

test_fails_without_recorder if {
	count(check.deny) == 1 with input as {"aws": {"config": {"recorders": []}}}
}

test_fails_when_stopped if {
	r := object.union(good, {"recording": {"value": false}})
	count(check.deny) == 1 with input as {"aws": {"config": {"recorders": [r]}}}
}

test_fails_when_not_all_types if {
	r := object.union(good, {"allsupported": {"value": false}})
	count(check.deny) == 1 with input as {"aws": {"config": {"recorders": [r]}}}
}

test_passes_when_recording if {
	count(check.deny) == 0 with input as {"aws": {"config": {"recorders": [good]}}}
}

test_silent_when_config_not_collected if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {}}}
}

test_fails_without_global_resource_types if {
	r := object.union(good, {"includeglobalresourcetypes": {"value": false}})
	count(check.deny) == 1 with input as {"aws": {"config": {"recorders": [r]}}}
}

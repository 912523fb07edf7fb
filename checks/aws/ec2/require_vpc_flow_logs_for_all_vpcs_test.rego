package builtin.aws.ec2.aws0178_test

import rego.v1

import data.builtin.aws.ec2.aws0178 as check

test_fails_without_flow_logs if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"vpcs": [{"id": {"value": "vpc-1"}, "flowlogsenabled": {"value": false}, "flowlogs": []}]}}}
}

test_fails_for_accept_only_log if {
	fl := [{"traffictype": {"value": "ACCEPT"}, "status": {"value": "ACTIVE"}}]
	count(check.deny) == 1 with input as {"aws": {"ec2": {"vpcs": [{"id": {"value": "vpc-1"}, "flowlogsenabled": {"value": true}, "flowlogs": fl}]}}}
}

test_passes_with_all_traffic_log if {
	fl := [{"traffictype": {"value": "ALL"}, "status": {"value": "ACTIVE"}}]
	count(check.deny) == 0 with input as {"aws": {"ec2": {"vpcs": [{"id": {"value": "vpc-1"}, "flowlogsenabled": {"value": true}, "flowlogs": fl}]}}}
}

test_trivy_style_flag if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"vpcs": [{"flowlogsenabled": {"value": true}}]}}}
}

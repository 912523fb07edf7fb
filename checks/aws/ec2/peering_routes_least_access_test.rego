package builtin.aws.ec2.osp0141_test

import rego.v1

import data.builtin.aws.ec2.osp0141 as check

pcx := {"id": {"value": "pcx-1"}, "status": {"value": "active"}, "requestervpc": {"vpcid": {"value": "vpc-a"}, "cidrblocks": [{"value": "10.0.0.0/16"}]}, "acceptervpc": {"vpcid": {"value": "vpc-b"}, "cidrblocks": [{"value": "10.1.0.0/16"}, {"value": "10.2.0.0/16"}]}}

doc(dest) := {"aws": {"ec2": {"vpcpeeringconnections": [pcx], "routetables": [{"id": {"value": "rtb-1"}, "vpcid": {"value": "vpc-a"}, "routes": [{"destinationcidrblock": {"value": "10.0.0.0/16"}, "gatewayid": {"value": "local"}}, {"destinationcidrblock": {"value": dest}, "vpcpeeringconnectionid": {"value": "pcx-1"}}]}]}}}

test_fails_for_whole_peer_cidr if {
	count(check.deny) == 1 with input as doc("10.1.0.0/16")
}

test_fails_for_secondary_peer_cidr if {
	count(check.deny) == 1 with input as doc("10.2.0.0/16")
}

test_fails_for_wider_block if {
	count(check.deny) == 1 with input as doc("10.0.0.0/8")
}

test_fails_for_default_route if {
	count(check.deny) == 1 with input as doc("0.0.0.0/0")
}

test_passes_for_one_peer_subnet if {
	count(check.deny) == 0 with input as doc("10.1.2.0/24")
}

test_local_and_gateway_routes_ignored if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"routetables": [{"id": {"value": "rtb-1"}, "vpcid": {"value": "vpc-a"}, "routes": [{"destinationcidrblock": {"value": "0.0.0.0/0"}, "gatewayid": {"value": "igw-1"}}]}]}}}
}

test_unknown_peering_judges_default_route_only if {
	count(check.deny) == 1 with input as {"aws": {"ec2": {"routetables": [{"id": {"value": "rtb-1"}, "vpcid": {"value": "vpc-a"}, "routes": [{"destinationcidrblock": {"value": "0.0.0.0/0"}, "vpcpeeringconnectionid": {"value": "pcx-9"}}, {"destinationcidrblock": {"value": "10.9.0.0/16"}, "vpcpeeringconnectionid": {"value": "pcx-9"}}]}]}}}
}

# METADATA
# title: "Routes to VPC peering connections are least access"
# description: >-
#   A route that sends traffic to a VPC peering connection should name only the subnets or hosts of
#   the peer that need to be reached. A route for the peer VPC's whole CIDR (or a wider block
#   containing it), or a default route (0.0.0.0/0, ::/0) through the peering connection, opens every
#   subnet of one VPC to every subnet associated with the route table. Evidence for CIS AWS
#   Foundations 5.5 (2.0/3.0) and 6.6 (7.0), a manual control.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/peering/peering-configurations-partial-access.html
# custom:
#   id: OSP-AWS-0141
#   avd_id: OSP-AWS-0141
#   provider: aws
#   impact: >-
#     A compromise of any workload in one VPC reaches every workload of the peer VPC that its
#     security groups do not stop.
#   remediation:
#     console: >-
#       VPC console > Route tables > the route table > Routes > Edit routes: replace the route
#       for the peer VPC's CIDR (or 0.0.0.0/0) through pcx-... with routes for the peer subnets
#       that are needed.
#     cli: >-
#       aws ec2 delete-route --route-table-id RTB --destination-cidr-block PEER-VPC-CIDR; aws
#       ec2 create-route --route-table-id RTB --destination-cidr-block PEER-SUBNET-CIDR --vpc-
#       peering-connection-id PCX
#     terraform: >-
#       aws_route: destination_cidr_block = the peer subnet's CIDR, vpc_peering_connection_id =
#       aws_vpc_peering_connection.p.id
#   service: ec2
#   severity: MEDIUM
#   short_code: peering-routes-least-access
#   recommended_action: "Route only the peer subnets that need to be reached through the peering connection."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0141

import rego.v1

deny contains res if {
	some rt in input.aws.ec2.routetables
	some route in object.get(rt, "routes", [])
	pcx := object.get(route, ["vpcpeeringconnectionid", "value"], "")
	pcx != ""
	some dest in destinations(route)
	why := too_wide(dest, rt, pcx)
	res := result.new(sprintf("Route table '%s' sends %s to peering connection %s: %s.", [object.get(rt, ["id", "value"], ""), dest, pcx, why]), route)
}

destinations(route) := {d |
	some key in ["destinationcidrblock", "destinationipv6cidrblock"]
	d := object.get(route, [key, "value"], "")
	d != ""
}

too_wide(dest, _, _) := "a default route" if dest in {"0.0.0.0/0", "::/0"}

too_wide(dest, rt, pcx) := sprintf("it covers the whole peer VPC (%s)", [concat(", ", sort(covered))]) if {
	not dest in {"0.0.0.0/0", "::/0"}
	covered := {cidr |
		some cidr in peer_cidrs(rt, pcx)
		contains(dest, ":") == contains(cidr, ":")
		net.cidr_contains(dest, cidr)
	}
	count(covered) > 0
}

# The CIDRs of the side of the peering connection that is not the route table's own VPC.
peer_cidrs(rt, pcx) := {c.value |
	some p in object.get(input.aws.ec2, "vpcpeeringconnections", [])
	p.id.value == pcx
	some side in ["requestervpc", "acceptervpc"]
	object.get(p, [side, "vpcid", "value"], "") != object.get(rt, ["vpcid", "value"], "")
	some c in object.get(p, [side, "cidrblocks"], [])
}

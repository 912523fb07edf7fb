# METADATA
# title: "Subnets do not assign public IPs automatically"
# description: >-
#   A subnet that maps a public IP on launch makes every new instance reachable from the internet
#   unless someone remembers to opt out.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html
# custom:
#   id: AVD-AWS-0164
#   avd_id: AVD-AWS-0164
#   provider: aws
#   impact: >-
#     A subnet that gives every instance a public IP puts instances on the internet by default,
#     whether their owners meant it or not; only their security groups stand in between.
#   remediation:
#     console: >-
#       VPC console > Subnets > the subnet > Actions > Edit subnet settings: clear 'Enable
#       auto-assign public IPv4 address'.
#     cli: >-
#       aws ec2 modify-subnet-attribute --subnet-id SUBNET-ID --no-map-public-ip-on-launch
#     terraform: >-
#       aws_subnet: map_public_ip_on_launch = false
#   service: ec2
#   severity: HIGH
#   short_code: no-public-ip-subnet
#   recommended_action: "Turn off 'Auto-assign public IPv4 address' on the subnet; assign public addresses explicitly where needed."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0164

import rego.v1

deny contains res if {
	some subnet in input.aws.ec2.subnets
	subnet.mappubliciponlaunch.value == true
	res := result.new(sprintf("Subnet '%s' assigns public IPs on launch.", [object.get(subnet, ["id", "value"], "?")]), subnet)
}

# METADATA
# title: "The default VPC is not kept"
# description: >-
#   Default VPCs come with public subnets, an internet gateway and permissive defaults that nobody
#   designed. Workloads belong in VPCs built on purpose.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/default-vpc.html
# custom:
#   id: AVD-AWS-0101
#   avd_id: AVD-AWS-0101
#   provider: aws
#   impact: >-
#     The default VPC has a public subnet in every zone, an internet gateway and public IPs on by
#     default: anything launched without a chosen network lands on the internet.
#   remediation:
#     console: >-
#       Move workloads to VPCs you designed, then VPC console > Your VPCs > the default VPC >
#       Actions > Delete VPC (its subnets, gateway and default security group go with it).
#     cli: >-
#       aws ec2 detach-internet-gateway --internet-gateway-id IGW-ID --vpc-id VPC-ID && aws ec2
#       delete-internet-gateway --internet-gateway-id IGW-ID && aws ec2 delete-subnet --subnet-id
#       SUBNET-ID && aws ec2 delete-vpc --vpc-id VPC-ID # delete-subnet once per subnet of the VPC
#   service: ec2
#   severity: HIGH
#   short_code: no-default-vpc
#   recommended_action: "Move workloads out of the default VPC and delete it."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0101

import rego.v1

deny contains res if {
	some vpc in input.aws.ec2.vpcs
	vpc.isdefault.value == true
	res := result.new(sprintf("Default VPC '%s' exists.", [object.get(vpc, ["id", "value"], "?")]), vpc)
}

# METADATA
# title: "EMR cluster primary nodes have no public IP address"
# description: >-
#   A primary (master) node launched in a public subnet gets a public IP address and a public DNS
#   name (ec2-...amazonaws.com), which exposes its web interfaces and SSH to the internet whenever a
#   security group allows it. In a private subnet the DNS name DescribeCluster returns is the
#   private one. (FSBP EMR.1.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-clusters-in-a-vpc.html
# custom:
#   id: OSP-AWS-0137
#   avd_id: OSP-AWS-0137
#   provider: aws
#   impact: >-
#     The primary node, which runs YARN, HDFS NameNode and notebook interfaces, is reachable from
#     the internet.
#   remediation:
#     console: >-
#       EMR: a running cluster cannot move subnets. Launch new clusters in a private subnet (with a
#       NAT gateway or VPC endpoints for S3), then terminate the public ones.
#     cli: >-
#       aws emr create-cluster ... --ec2-attributes SubnetId=PRIVATE-SUBNET-ID
#     terraform: >-
#       aws_emr_cluster: ec2_attributes { subnet_id = aws_subnet.private.id }
#   service: emr
#   severity: HIGH
#   short_code: no-public-master
#   recommended_action: "Launch clusters in a private subnet."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: emr
#             provider: aws
package builtin.aws.emr.osp0137

import rego.v1

name(c) := object.get(c, ["settings", "name", "value"], "?")

deny contains res if {
	some c in input.aws.emr.clusters
	dns := c.masterpublicdnsname.value
	contains(dns, ".amazonaws.com")
	res := result.new(sprintf("EMR cluster '%s' has a primary node with a public address (%s).", [name(c), dns]), c.masterpublicdnsname)
}

# METADATA
# title: "EC2 instances have no public IPv4 address"
# description: >-
#   An instance with a public IPv4 address is reachable from the internet wherever its security
#   groups and network ACLs allow it. Instances meant to be reached from outside usually sit behind
#   a load balancer instead.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses
# custom:
#   id: OSP-AWS-0178
#   avd_id: OSP-AWS-0178
#   provider: aws
#   impact: >-
#     One permissive security group rule is enough to expose the instance's services to scans and
#     attacks from the internet.
#   remediation:
#     console: >-
#       EC2 console > Instances > the instance > Networking: for an auto-assigned address, launch a
#       replacement in a subnet without auto-assign (or with it turned off at launch); disassociate an
#       Elastic IP under Elastic IPs > Actions > Disassociate.
#     cli: >-
#       aws ec2 modify-subnet-attribute --subnet-id SUBNET --no-map-public-ip-on-launch (new instances);
#       aws ec2 disassociate-address --association-id ASSOC (Elastic IPs)
#     terraform: >-
#       aws_instance: associate_public_ip_address = false (aws_subnet: map_public_ip_on_launch = false)
#   service: ec2
#   severity: HIGH
#   short_code: no-public-ip-instance
#   recommended_action: "Run the instance without a public IPv4 address; reach it through a load balancer, a bastion or Systems Manager."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0178

import rego.v1

deny contains res if {
	some instance in input.aws.ec2.instances
	object.get(instance, ["publicipaddress", "value"], "") != ""
	res := result.new(sprintf("EC2 instance '%s' has the public IPv4 address %s.", [object.get(instance, ["id", "value"], ""), instance.publicipaddress.value]), instance.publicipaddress)
}

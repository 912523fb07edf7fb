# METADATA
# title: "Launch configurations do not assign public IP addresses"
# description: >-
#   An instance launched with a public IP address is reachable from the internet whenever its security groups allow it (FSBP AutoScaling.5).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/create-launch-config.html
# custom:
#   id: AVD-AWS-0009
#   avd_id: AVD-AWS-0009
#   provider: aws
#   impact: >-
#     Every instance of the Auto Scaling group gets a public address, so a permissive security group or a vulnerable service is exposed to the internet.
#   remediation:
#     console: >-
#       Launch configurations cannot be edited: EC2 console > Launch configurations > Copy to launch template, set Auto-assign public IP: Disable, and move the Auto Scaling group to the template; put public traffic behind a load balancer.
#     cli: >-
#       aws autoscaling create-launch-configuration --launch-configuration-name NAME ... --no-associate-public-ip-address; aws autoscaling update-auto-scaling-group --auto-scaling-group-name GROUP --launch-configuration-name NAME
#     terraform: >-
#       aws_launch_configuration: associate_public_ip_address = false
#   service: ec2
#   severity: HIGH
#   short_code: no-public-ip
#   recommended_action: "Do not assign public IP addresses; reach instances through a load balancer or private networking."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0009

import rego.v1

deny contains res if {
	some lc in input.aws.ec2.launchconfigurations
	lc.associatepublicip.value == true
	res := result.new(sprintf("Launch configuration '%s' assigns public IP addresses.", [object.get(lc, ["name", "value"], "?")]), lc.associatepublicip)
}

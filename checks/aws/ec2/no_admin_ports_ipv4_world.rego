# METADATA
# title: "No security group admits remote administration from 0.0.0.0/0"
# description: >-
#   CIS AWS Foundations 2.0 and 3.0 judge the IPv4 and the IPv6 internet apart (5.2 and 5.3). This
#   check flags a security group rule that admits SSH (22) or RDP (3389), directly or through an
#   all-protocols rule, from the whole IPv4 internet (0.0.0.0/0).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: OSP-AWS-0040
#   avd_id: OSP-AWS-0040
#   provider: aws
#   impact: >-
#     Remote administration ports open to every IPv4 address are scanned within minutes of being
#     opened; brute force and exploits of the SSH or RDP server follow.
#   remediation:
#     console: >-
#       EC2 console > Security groups > the group > Inbound rules > Edit: change the source of the
#       port 22 / 3389 (or all traffic) rule from 0.0.0.0/0 to a known range, or delete it and use
#       Session Manager.
#     cli: >-
#       aws ec2 revoke-security-group-ingress --group-id SG-ID --protocol tcp --port 22 --cidr
#       0.0.0.0/0
#     terraform: >-
#       aws_vpc_security_group_ingress_rule for ports 22 and 3389: cidr_ipv4 = a known range, never
#       "0.0.0.0/0"
#   service: ec2
#   severity: HIGH
#   short_code: no-admin-ports-from-ipv4-world
#   recommended_action: "Restrict SSH and RDP rules to known IPv4 ranges, or reach instances through Session Manager instead."
#   frameworks:
#     cis-aws-2.0:
#       - "5.2"
#     cis-aws-3.0:
#       - "5.2"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0040

import rego.v1

import data.lib.net

world := {"0.0.0.0/0"}

deny contains res if {
	some group in input.aws.ec2.securitygroups
	some rule in group.ingressrules
	some port in [net.ssh_port, net.rdp_port]
	net.rule_covers_port(rule, port)
	some block in rule.cidrs
	block.value in world
	res := result.new(sprintf("Security group '%s' admits port %d from %s.", [object.get(group, ["id", "value"], "?"), port, block.value]), rule)
}

# METADATA
# title: "EC2 instances do not admit CIFS/SMB (TCP 445) from the internet"
# description: >-
#   An instance whose security group admits TCP port 445 (CIFS / SMB file sharing) from 0.0.0.0/0
#   or ::/0 offers Windows file sharing to the whole internet, the door of worms and ransomware
#   (WannaCry, EternalBlue). CIS AWS Foundations 7.0 6.1.2 asks for CIFS to be limited to trusted
#   networks.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: OSP-AWS-0043
#   avd_id: OSP-AWS-0043
#   provider: aws
#   impact: >-
#     File shares and the SMB service itself are reachable by anyone: brute force, unpatched SMB
#     vulnerabilities and data theft.
#   remediation:
#     console: >-
#       EC2 console > Security Groups > the group > Edit inbound rules: limit the port 445 rule to
#       the networks that need it (a VPN or on-premises range), or remove it.
#     cli: >-
#       aws ec2 revoke-security-group-ingress --group-id SG --protocol tcp --port 445 --cidr 0.0.0.0/0
#     terraform: >-
#       aws_vpc_security_group_ingress_rule for port 445 with a trusted cidr_ipv4 / cidr_ipv6
#   service: ec2
#   severity: HIGH
#   short_code: no-public-cifs
#   recommended_action: "Admit TCP 445 only from trusted networks."
#   frameworks:
#     cis-aws-7.0:
#       - "6.1.2"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0043

import rego.v1

import data.lib.net

cifs_port := 445

world := {"0.0.0.0/0", "::/0"}

# "sg-1 from 0.0.0.0/0" for every rule of the instance's groups admitting 445 from anywhere
openings(instance) := {sprintf("%s from %s", [object.get(group, ["id", "value"], "?"), block.value]) |
	some group in object.get(instance, "securitygroups", [])
	some rule in object.get(group, "ingressrules", [])
	tcp_445(rule)
	some block in object.get(rule, "cidrs", [])
	block.value in world
}

deny contains res if {
	some instance in input.aws.ec2.instances
	open := openings(instance)
	count(open) > 0
	res := result.new(sprintf("Instance '%s' admits CIFS/SMB (TCP 445) from the internet: %s.", [object.get(instance, ["id", "value"], "?"), concat(", ", sort(open))]), instance)
}

tcp_445(rule) if net.protocol(rule.protocol.value) in net.all_protocols

tcp_445(rule) if {
	net.protocol(rule.protocol.value) in {"tcp", "6"}
	net.is_port_range_include(rule.fromport.value, rule.toport.value, cifs_port)
}

# METADATA
# title: "No security group allows SSH from the internet"
# description: >-
#   A security group rule that admits SSH (port 22) from 0.0.0.0/0 or ::/0 exposes the service to
#   password guessing and exploits from the whole internet.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: OSP-AWS-0007
#   avd_id: OSP-AWS-0007
#   provider: aws
#   impact: >-
#     SSH open to the internet invites constant brute-force attempts and exploits of the SSH server;
#     one weak key or password is enough.
#   remediation:
#     console: >-
#       EC2 console > Security groups > the group > Inbound rules > Edit: change the source of the
#       port 22 rule to a known range, or delete it and use Session Manager or EC2 Instance Connect
#       Endpoint.
#     cli: >-
#       aws ec2 revoke-security-group-ingress --group-id SG-ID --protocol tcp --port 22 --cidr
#       0.0.0.0/0
#     terraform: >-
#       aws_vpc_security_group_ingress_rule for port 22: cidr_ipv4 = a known range, never
#       "0.0.0.0/0"
#   service: ec2
#   severity: HIGH
#   short_code: no-public-ssh-sgr
#   recommended_action: "Restrict the rule to known source ranges, or reach instances through Session Manager or a bastion instead of open SSH."
#   frameworks:
#     cis-aws-1.2:
#       - "4.1"
#     cis-aws-1.4:
#       - "5.2"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0007

import rego.v1

import data.lib.net

deny contains res if {
	some group in input.aws.ec2.securitygroups
	some rule in group.ingressrules
	net.rule_covers_port(rule, 22)
	some block in rule.cidrs
	net.cidr_allows_all_ips(block.value)
	res := result.new(sprintf("Security group '%s' allows SSH (port 22) from %s.", [object.get(group, ["id", "value"], "?"), block.value]), rule)
}

# METADATA
# title: "No security group allows SSH or RDP from the internet"
# description: >-
#   Remote administration ports open to 0.0.0.0/0 or ::/0 are scanned and attacked within minutes of
#   exposure. (osprey also splits this into one check per port for CIS 4.1 and 4.2.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: AVD-AWS-0107
#   avd_id: AVD-AWS-0107
#   provider: aws
#   impact: >-
#     SSH and RDP exposed to the whole internet are found by scanners within minutes and attacked
#     with stolen or guessed credentials and remote-access exploits.
#   remediation:
#     console: >-
#       EC2 console > Security groups > the group > Inbound rules > Edit: change the source of the
#       port 22 / 3389 rules from 0.0.0.0/0 (and ::/0) to your office or VPN range, or delete them
#       and use Session Manager.
#     cli: >-
#       aws ec2 revoke-security-group-ingress --group-id SG-ID --protocol tcp --port 22 --cidr
#       0.0.0.0/0
#     terraform: >-
#       aws_vpc_security_group_ingress_rule for ports 22 / 3389: cidr_ipv4 = a known range, never
#       "0.0.0.0/0"
#   service: ec2
#   severity: HIGH
#   short_code: no-public-ingress-sgr
#   recommended_action: "Restrict SSH and RDP rules to known source ranges."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0107

import rego.v1

import data.lib.net

deny contains res if {
	some group in input.aws.ec2.securitygroups
	some rule in group.ingressrules
	net.is_ssh_or_rdp_port(rule)
	some block in rule.cidrs
	net.cidr_allows_all_ips(block.value)
	res := result.new(sprintf("Security group '%s' allows SSH or RDP from %s.", [object.get(group, ["id", "value"], "?"), block.value]), rule)
}

# METADATA
# title: "No network ACL allows SSH or RDP from the internet"
# description: >-
#   A network ACL that allows ingress from 0.0.0.0/0 or ::/0 to port 22 or 3389 leaves only security
#   groups between the internet and remote administration services.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: AVD-AWS-0105
#   avd_id: AVD-AWS-0105
#   provider: aws
#   impact: >-
#     SSH and RDP open to the internet at the subnet level are scanned and brute-forced within
#     minutes of exposure; the network ACL is the last place to stop that if a security group is too
#     open.
#   remediation:
#     console: >-
#       VPC console > Network ACLs > the ACL > Inbound rules > Edit: add deny rules for TCP 22 and
#       3389 from 0.0.0.0/0 and ::/0 with rule numbers lower than any allow rule, or narrow the
#       allow rules to known ranges.
#     cli: >-
#       aws ec2 create-network-acl-entry --network-acl-id ACL-ID --ingress --rule-number 50
#       --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny
#     terraform: >-
#       aws_network_acl_rule: egress = false, protocol = "tcp", from_port = 22, to_port = 22,
#       cidr_block = "0.0.0.0/0", rule_action = "deny", rule_number below the allows
#   service: ec2
#   severity: MEDIUM
#   short_code: no-public-ingress-acl
#   recommended_action: "Add deny entries (or narrow the allow entries) for ports 22 and 3389 from 0.0.0.0/0 and ::/0."
#   frameworks:
#     cis-aws-1.4:
#       - "5.1"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0105

import rego.v1

import data.lib.net

covers(rule, port) if net.protocol(rule.protocol.value) in net.all_protocols

covers(rule, port) if {
	net.is_tcp_or_udp_protocol(rule.protocol.value)
	net.is_port_range_include(object.get(rule, ["fromport", "value"], 0), object.get(rule, ["toport", "value"], 65535), port)
}

# Entries are evaluated in rule-number order: a lower-numbered deny for the same port and
# source wins over the allow.
denied_first(acl, rule, port, cidr) if {
	some d in acl.rules
	d.type.value == "ingress"
	d.action.value == "deny"
	object.get(d, ["number", "value"], 32767) < object.get(rule, ["number", "value"], 32767)
	covers(d, port)
	some b in d.cidrs
	b.value == cidr
}

deny contains res if {
	some acl in input.aws.ec2.networkacls
	some rule in acl.rules
	rule.type.value == "ingress"
	rule.action.value == "allow"
	some port in [net.ssh_port, net.rdp_port]
	covers(rule, port)
	some block in rule.cidrs
	net.cidr_allows_all_ips(block.value)
	not denied_first(acl, rule, port, block.value)
	res := result.new(sprintf("Network ACL '%s' allows port %d from %s.", [object.get(acl, ["id", "value"], "?"), port, block.value]), rule)
}

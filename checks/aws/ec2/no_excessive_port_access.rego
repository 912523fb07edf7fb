# METADATA
# title: "Network ACL rules do not allow all protocols and ports"
# description: >-
#   An allow entry for protocol -1 opens every port of every protocol; the ACL then filters nothing
#   for that range.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html
# custom:
#   id: AVD-AWS-0102
#   avd_id: AVD-AWS-0102
#   provider: aws
#   impact: >-
#     A network ACL entry that allows all protocols and ports removes the ACL as a layer of defence:
#     any mistake in a security group is then directly exposed.
#   remediation:
#     console: >-
#       VPC console > Network ACLs > the ACL > Inbound / Outbound rules > Edit: replace the 'All
#       traffic' allow rule with rules for the protocols and port ranges needed.
#     cli: >-
#       aws ec2 replace-network-acl-entry --network-acl-id ACL-ID --ingress --rule-number 100
#       --protocol tcp --port-range From=443,To=443 --cidr-block 0.0.0.0/0 --rule-action allow
#     terraform: >-
#       aws_network_acl_rule: protocol = "tcp", from_port / to_port for the needed range (not
#       protocol = "-1")
#   service: ec2
#   severity: CRITICAL
#   short_code: no-excessive-port-access
#   recommended_action: "Replace all-protocol allow entries with entries for the protocols and ports needed."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0102

import rego.v1

import data.lib.net

deny contains res if {
	some acl in input.aws.ec2.networkacls
	some rule in acl.rules
	rule.action.value == "allow"
	net.protocol(rule.protocol.value) in net.all_protocols
	res := result.new(sprintf("Network ACL '%s' has an %s entry allowing all protocols and ports.", [object.get(acl, ["id", "value"], "?"), rule.type.value]), rule)
}

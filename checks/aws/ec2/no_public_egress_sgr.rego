# METADATA
# title: "Security groups do not allow egress to the whole internet"
# description: >-
#   Unrestricted egress lets a compromised instance talk to any command-and-control server or
#   exfiltrate data anywhere.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: AVD-AWS-0104
#   avd_id: AVD-AWS-0104
#   provider: aws
#   impact: >-
#     Unrestricted egress lets a compromised instance send data anywhere and fetch any tool: it is
#     how stolen data leaves and how malware calls home.
#   remediation:
#     console: >-
#       EC2 console > Security groups > the group > Outbound rules > Edit: remove the 0.0.0.0/0 (and
#       ::/0) all-traffic rule and add rules for the destinations and ports the workload needs (for
#       example 443 to a VPC endpoint or proxy).
#     cli: >-
#       aws ec2 revoke-security-group-egress --group-id SG-ID --ip-permissions
#       'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'
#     terraform: >-
#       aws_vpc_security_group_egress_rule: cidr_ipv4 / referenced_security_group_id naming the
#       destinations needed, not 0.0.0.0/0
#   service: ec2
#   severity: CRITICAL
#   short_code: no-public-egress-sgr
#   recommended_action: "Limit egress rules to the destinations and ports the workload needs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0104

import rego.v1

single_host(block) if endswith(block, "/32")

single_host(block) if endswith(block, "/128")

deny contains res if {
	some group in input.aws.ec2.securitygroups
	some rule in group.egressrules
	some block in rule.cidrs
	cidr.is_public(block.value)
	not single_host(block.value)
	res := result.new(sprintf("Security group '%s' allows egress to %s.", [object.get(group, ["id", "value"], "?"), block.value]), rule)
}

# METADATA
# title: "Security group rules have a description"
# description: >-
#   A rule description records why a port or source was opened, so stale rules can be recognised and
#   removed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: AVD-AWS-0124
#   avd_id: AVD-AWS-0124
#   provider: aws
#   impact: >-
#     A rule's description says who or what it lets in ("office VPN", "payments API"). Without it,
#     reviews cannot tell a needed rule from a forgotten one.
#   remediation:
#     console: >-
#       EC2 console > Security groups > the group > Inbound (or Outbound) rules > Edit rules: fill
#       in Description for each rule.
#     cli: >-
#       aws ec2 update-security-group-rule-descriptions-ingress --group-id SG-ID --ip-permissions
#       'IpProtocol=tcp,FromPort=443,ToPort=443,IpRanges=[{CidrIp=203.0.113.0/24,Description="office
#       VPN"}]'
#     terraform: >-
#       aws_vpc_security_group_ingress_rule / egress_rule (or ingress/egress blocks): description =
#       "..."
#   service: ec2
#   severity: LOW
#   short_code: add-description-to-security-group-rule
#   recommended_action: "Add a description to each security group rule."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0124

import rego.v1

deny contains res if {
	some group in input.aws.ec2.securitygroups
	some kind in ["ingressrules", "egressrules"]
	some rule in object.get(group, kind, [])
	object.get(rule, ["description", "value"], "") == ""
	direction := trim_suffix(kind, "rules")
	res := result.new(sprintf("An %s rule of security group '%s' has no description.", [direction, object.get(group, ["id", "value"], "?")]), rule)
}

# METADATA
# title: "Default security groups have no rules"
# description: >-
#   Resources land in a VPC's default security group when nobody chooses one. CIS asks that the
#   default group allow nothing, so such resources are isolated until given a deliberate group.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: AVD-AWS-0173
#   avd_id: AVD-AWS-0173
#   provider: aws
#   impact: >-
#     Resources launched without a chosen security group get the default one. If it has rules, they
#     quietly receive that access; with no rules, forgetting to pick a group fails closed.
#   remediation:
#     console: >-
#       EC2 console > Security groups > the VPC's 'default' group > Inbound rules and Outbound rules
#       > Edit: delete every rule. Move any resources using it to purpose-made groups first.
#     cli: >-
#       aws ec2 revoke-security-group-ingress --group-id DEFAULT-SG-ID --ip-permissions
#       'IpProtocol=-1,UserIdGroupPairs=[{GroupId=DEFAULT-SG-ID}]' && aws ec2
#       revoke-security-group-egress --group-id DEFAULT-SG-ID --ip-permissions
#       'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]'
#     terraform: >-
#       aws_default_security_group: with no ingress and no egress blocks (Terraform then removes all
#       rules)
#   service: ec2
#   severity: LOW
#   short_code: restrict-all-in-default-sg
#   recommended_action: "Remove every inbound and outbound rule from the default security group of each VPC."
#   frameworks:
#     cis-aws-1.2:
#       - "4.3"
#     cis-aws-1.4:
#       - "5.3"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0173

import rego.v1

deny contains res if {
	some group in input.aws.ec2.securitygroups
	group.isdefault.value == true
	n := count(object.get(group, "ingressrules", [])) + count(object.get(group, "egressrules", []))
	n > 0
	res := result.new(sprintf("Default security group '%s' of VPC '%s' has %d rule(s).", [object.get(group, ["id", "value"], "?"), object.get(group, ["vpcid", "value"], "?"), n]), group)
}

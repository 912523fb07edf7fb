# METADATA
# title: "EMR block public access is on in the region"
# description: >-
#   EMR block public access stops any cluster from launching with a security group that allows
#   inbound traffic from 0.0.0.0/0 or ::/0, except on the permitted port ranges. It is a per-region
#   account setting; ports other than 22 in the exceptions also fail. (FSBP EMR.2.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-block-public-access.html
# custom:
#   id: OSP-AWS-0138
#   avd_id: OSP-AWS-0138
#   provider: aws
#   impact: >-
#     Clusters can be launched with security groups open to the internet, exposing their services to
#     anyone.
#   remediation:
#     console: >-
#       EMR console > Block public access (left menu) > Edit: Turn on; keep only port 22 (or none)
#       as exception.
#     cli: >-
#       aws emr put-block-public-access-configuration --block-public-access-configuration
#       BlockPublicSecurityGroupRules=true,PermittedPublicSecurityGroupRuleRanges=[{MinRange=22,MaxRange=22}]
#     terraform: >-
#       aws_emr_block_public_access_configuration: block_public_security_group_rules = true
#   service: emr
#   severity: HIGH
#   short_code: block-public-access
#   recommended_action: "Turn on EMR block public access, with no exception beyond port 22."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: emr
#             provider: aws
package builtin.aws.emr.osp0138

import rego.v1

deny contains res if {
	input.aws.emr.blockpublicaccess.blockpublicsecuritygrouprules.value == false
	res := result.new("EMR block public access is off in this region.", input.aws.emr.blockpublicaccess.blockpublicsecuritygrouprules)
}

deny contains res if {
	bpa := input.aws.emr.blockpublicaccess
	bpa.blockpublicsecuritygrouprules.value == true
	some r in bpa.permittedpublicsecuritygroupruleranges
	not only_ssh(r)
	res := result.new(sprintf("EMR block public access lets ports %d-%d be opened to the internet.", [object.get(r, ["minrange", "value"], 0), object.get(r, ["maxrange", "value"], 0)]), r)
}

only_ssh(r) if {
	r.minrange.value == 22
	object.get(r, ["maxrange", "value"], 22) == 22
}

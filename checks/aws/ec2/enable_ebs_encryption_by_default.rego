# METADATA
# title: "EBS encryption by default is on in every region"
# description: >-
#   With EBS encryption by default, every new volume and snapshot copy in the region is encrypted,
#   whoever creates it and however. CIS checks this account setting per region.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html
# custom:
#   id: OSP-AWS-0005
#   avd_id: OSP-AWS-0005
#   provider: aws
#   impact: >-
#     With encryption by default, every new volume and snapshot copy in the region is encrypted,
#     whoever creates it and however. Without it, each team and tool must remember to ask for
#     encryption.
#   remediation:
#     console: >-
#       EC2 console (in the region) > Settings (under Account attributes) > EBS encryption > Manage:
#       Always encrypt new EBS volumes. Repeat in every region.
#     cli: >-
#       aws ec2 enable-ebs-encryption-by-default --region REGION
#     terraform: >-
#       aws_ebs_encryption_by_default: enabled = true (one per region provider)
#   service: ec2
#   severity: MEDIUM
#   short_code: enable-ebs-encryption-by-default
#   recommended_action: "Enable EBS encryption by default in each region (EC2 console > Settings, or aws ec2 enable-ebs-encryption-by-default)."
#   frameworks:
#     cis-aws-1.4:
#       - "2.2.1"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.osp0005

import rego.v1

import data.lib.osprey

deny contains res if {
	input.aws.ec2
	not input.aws.ec2.ebsencryptionbydefault.enabled.value == true
	cause := object.get(input.aws.ec2, "ebsencryptionbydefault", osprey.cause(osprey.account_arn("ec2", osprey.region, "ebs-encryption-by-default")))
	res := result.new("EBS encryption by default is off in this region.", cause)
}

# METADATA
# title: "ElastiCache cache security groups have a description"
# description: >-
#   Cache security groups belong to EC2-Classic, where a description said what a group was for.
#   VPC caches use EC2 security groups instead (judged by the ec2 checks).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VPCs.html
# custom:
#   id: AVD-AWS-0049
#   avd_id: AVD-AWS-0049
#   provider: aws
#   impact: >-
#     A group nobody can explain is hard to review and tends to stay too open.
#   remediation:
#     console: >-
#       Recreate the cache in a VPC; EC2-Classic cache security groups cannot be edited.
#     cli: >-
#       aws elasticache create-cache-subnet-group ... (move the cache into a VPC)
#     terraform: >-
#       aws_elasticache_security_group (removed from the AWS provider): move to aws_security_group
#       with a description
#   service: elasticache
#   severity: LOW
#   short_code: add-description-for-security-group
#   recommended_action: "Move the cache into a VPC and describe its EC2 security groups."
#   retired: "EC2-Classic is retired, so no account has cache security groups any more and osprey does not collect them; kept for inputs in Trivy's shape."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.aws0049

import rego.v1

deny contains res if {
	some sg in input.aws.elasticache.securitygroups
	object.get(sg, ["description", "value"], "") == ""
	res := result.new("Cache security group has no description.", object.get(sg, "description", sg))
}

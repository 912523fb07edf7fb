# METADATA
# title: "Application, network and gateway load balancers have deletion protection"
# description: >-
#   Deletion protection stops a load balancer from being deleted by mistake or by a compromised
#   automation until the setting is turned off (AWS Foundational Security Best Practices ELB.6).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-6
# custom:
#   id: OSP-AWS-0021
#   avd_id: OSP-AWS-0021
#   provider: aws
#   impact: >-
#     One API call can delete the load balancer, taking down everything behind it; its DNS name is
#     lost and clients must be repointed.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers > the load balancer > Attributes > Edit: turn on Deletion
#       protection.
#     cli: >-
#       aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes
#       Key=deletion_protection.enabled,Value=true
#     terraform: >-
#       aws_lb: enable_deletion_protection = true
#   service: elb
#   severity: MEDIUM
#   short_code: deletion-protection
#   recommended_action: "Turn on deletion protection."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.osp0021

import rego.v1

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	lb.type.value in {"application", "network", "gateway"}
	lb.deletionprotection.value == false
	res := result.new(sprintf("Load balancer '%s' has no deletion protection.", [object.get(lb, ["name", "value"], "")]), lb.deletionprotection)
}

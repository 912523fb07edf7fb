# METADATA
# title: "Load balancers mitigate HTTP desync in defensive or strictest mode"
# description: >-
#   Application and classic load balancers classify requests that could be used for HTTP desync
#   (request smuggling); in monitor mode they forward them anyway. Defensive or strictest mode
#   blocks them (AWS Foundational Security Best Practices ELB.12, ELB.14).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#desync-mitigation-mode
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-desync-mitigation-mode.html
# custom:
#   id: OSP-AWS-0022
#   avd_id: OSP-AWS-0022
#   provider: aws
#   impact: >-
#     Ambiguous requests reach the targets, where a parser that reads them differently can be made
#     to smuggle a request past the load balancer, poisoning caches or hijacking other users'
#     requests.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers > the load balancer > Attributes > Edit: Desync mitigation mode
#       Defensive (or Strictest).
#     cli: >-
#       aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes
#       Key=routing.http.desync_mitigation_mode,Value=defensive (classic: aws elb modify-load-
#       balancer-attributes --load-balancer-name NAME --load-balancer-attributes
#       AdditionalAttributes=[{Key=elb.http.desyncmitigationmode,Value=defensive}])
#     terraform: >-
#       aws_lb: desync_mitigation_mode = "defensive" (aws_elb: desync_mitigation_mode = "defensive")
#   service: elb
#   severity: MEDIUM
#   short_code: desync-mitigation
#   recommended_action: "Set the desync mitigation mode to defensive or strictest."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.osp0022

import rego.v1

# Judged only where AWS returned the mode (moto never does).
deny contains res if {
	some lb in input.aws.elb.loadbalancers
	lb.type.value in {"application", "classic"}
	mode := lower(lb.desyncmitigationmode.value)
	not mode in {"defensive", "strictest"}
	res := result.new(sprintf("Load balancer '%s' mitigates HTTP desync in %s mode only.", [object.get(lb, ["name", "value"], ""), mode]), lb.desyncmitigationmode)
}

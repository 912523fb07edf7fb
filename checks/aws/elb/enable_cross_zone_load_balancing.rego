# METADATA
# title: "Classic load balancers balance across Availability Zones"
# description: >-
#   With cross-zone load balancing, each node of a classic load balancer spreads requests over the
#   registered instances of every enabled Availability Zone, not only its own.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html
# custom:
#   id: OSP-AWS-0172
#   avd_id: OSP-AWS-0172
#   provider: aws
#   impact: >-
#     Without it, a zone with fewer instances gets as much traffic as the others and can be overloaded
#     while capacity elsewhere sits idle.
#   remediation:
#     console: >-
#       EC2 console > Load balancers > the classic load balancer > Attributes > Edit: Cross-zone load
#       balancing: on.
#     cli: >-
#       aws elb modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes
#       '{"CrossZoneLoadBalancing":{"Enabled":true}}'
#     terraform: >-
#       aws_elb: cross_zone_load_balancing = true
#   service: elb
#   severity: MEDIUM
#   short_code: enable-cross-zone-load-balancing
#   recommended_action: "Turn on cross-zone load balancing for the classic load balancer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.osp0172

import rego.v1

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	lb.type.value in {"classic"}
	lb.crosszoneloadbalancing.value == false
	res := result.new(sprintf("Classic load balancer '%s' does not balance across Availability Zones.", [object.get(lb, ["name", "value"], "")]), lb.crosszoneloadbalancing)
}

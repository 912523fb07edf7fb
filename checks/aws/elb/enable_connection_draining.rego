# METADATA
# title: "Classic load balancers drain connections"
# description: >-
#   With connection draining, a classic load balancer stops sending new requests to an instance
#   being deregistered or failing health checks but lets requests in flight finish.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html
# custom:
#   id: OSP-AWS-0171
#   avd_id: OSP-AWS-0171
#   provider: aws
#   impact: >-
#     Without it, requests in flight are cut when an instance leaves the pool, and clients see errors
#     during every deployment or scale-in.
#   remediation:
#     console: >-
#       EC2 console > Load balancers > the classic load balancer > Attributes > Edit: Connection
#       draining: on.
#     cli: >-
#       aws elb modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes
#       '{"ConnectionDraining":{"Enabled":true,"Timeout":300}}'
#     terraform: >-
#       aws_elb: connection_draining = true
#   service: elb
#   severity: MEDIUM
#   short_code: enable-connection-draining
#   recommended_action: "Turn on connection draining for the classic load balancer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.osp0171

import rego.v1

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	lb.type.value in {"classic"}
	lb.connectiondraining.value == false
	res := result.new(sprintf("Classic load balancer '%s' does not drain connections.", [object.get(lb, ["name", "value"], "")]), lb.connectiondraining)
}

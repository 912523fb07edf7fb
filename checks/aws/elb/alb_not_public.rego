# METADATA
# title: "Load balancers are not exposed to the internet"
# description: >-
#   An internet-facing load balancer (application, network or classic) accepts connections from
#   anywhere; keep load balancers internal unless they must serve the public.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-scheme
# custom:
#   id: AVD-AWS-0053
#   avd_id: AVD-AWS-0053
#   provider: aws
#   impact: >-
#     Anything the load balancer forwards to becomes reachable from the internet, so every weakness
#     of the targets behind it is exposed to every attacker.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers: the scheme cannot be changed; create an internal load
#       balancer, move the listeners and targets to it, and delete the internet-facing one.
#     cli: >-
#       aws elbv2 create-load-balancer --name NAME --scheme internal --subnets SUBNET-IDS (then move
#       listeners and targets)
#     terraform: >-
#       aws_lb / aws_elb: internal = true
#   service: elb
#   severity: HIGH
#   short_code: alb-not-public
#   recommended_action: "Make the load balancer internal unless it must serve the internet."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.aws0053

import rego.v1

# Gateway load balancers have no listeners on the internet; they pass traffic to appliances.
deny contains res if {
	some lb in input.aws.elb.loadbalancers
	isManaged(lb)
	object.get(lb, ["type", "value"], "") != "gateway"
	not lb.internal.value
	res := result.new(sprintf("Load balancer '%s' is internet-facing.", [object.get(lb, ["name", "value"], "")]), object.get(lb, "internal", lb))
}

# METADATA
# title: "Classic load balancer listeners terminate TLS"
# description: >-
#   A classic load balancer listener on HTTP or TCP carries client traffic unencrypted; listeners
#   should use HTTPS or SSL (AWS Foundational Security Best Practices ELB.3).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-3
# custom:
#   id: OSP-AWS-0020
#   avd_id: OSP-AWS-0020
#   provider: aws
#   impact: >-
#     Requests, responses, cookies and credentials between clients and the load balancer can be read
#     and changed by anyone on the network path.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers > the classic load balancer > Listeners > Edit: change HTTP to
#       HTTPS (TCP to SSL) with a certificate, or migrate to an application load balancer that
#       redirects HTTP to HTTPS.
#     cli: >-
#       aws elb create-load-balancer-listeners --load-balancer-name NAME --listeners Protocol=HTTPS,
#       LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=CERT-ARN (then
#       delete-load-balancer-listeners --load-balancer-ports 80)
#     terraform: >-
#       aws_elb: listener { lb_protocol = "https" lb_port = 443 ssl_certificate_id =
#       aws_acm_certificate.x.arn ... }
#   service: elb
#   severity: MEDIUM
#   short_code: classic-listener-tls
#   recommended_action: "Use HTTPS or SSL listeners on the classic load balancer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.osp0020

import rego.v1

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	lb.type.value == "classic"
	some listener in object.get(lb, "listeners", [])
	upper(listener.protocol.value) in {"HTTP", "TCP"}
	res := result.new(sprintf("Classic load balancer '%s' has a %s listener on port %v.", [object.get(lb, ["name", "value"], ""), upper(listener.protocol.value), object.get(listener, ["port", "value"], "?")]), listener)
}

# METADATA
# title: "Application load balancer HTTP listeners redirect to HTTPS"
# description: >-
#   A plain HTTP listener on an application load balancer carries requests and responses in the
#   clear; it should only redirect clients to HTTPS.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
# custom:
#   id: AVD-AWS-0054
#   avd_id: AVD-AWS-0054
#   provider: aws
#   impact: >-
#     Traffic over plain HTTP can be read and altered by anyone on the network path, including
#     session cookies and credentials.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers > the ALB > Listeners > HTTP:80 > Edit: default action Redirect
#       to HTTPS port 443 (status 301).
#     cli: >-
#       aws elbv2 modify-listener --listener-arn ARN --default-actions
#       Type=redirect,RedirectConfig={Protocol=HTTPS,Port=443,StatusCode=HTTP_301}
#     terraform: >-
#       aws_lb_listener (port 80): default_action { type = "redirect" redirect { protocol = "HTTPS"
#       port = "443" status_code = "HTTP_301" } }
#   service: elb
#   severity: CRITICAL
#   short_code: http-not-used
#   recommended_action: "Make the HTTP listener's default action a redirect to HTTPS, or use an HTTPS listener."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.aws0054

import rego.v1

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	isManaged(lb)
	lb.type.value == "application"
	some listener in object.get(lb, "listeners", [])
	listener.protocol.value == "HTTP"
	not redirects_to_https(listener)
	res := result.new(sprintf("HTTP listener (port %v) of application load balancer '%s' does not redirect to HTTPS.", [object.get(listener, ["port", "value"], "?"), object.get(lb, ["name", "value"], "")]), listener)
}

# A redirect whose protocol is known must go to HTTPS: "#{protocol}" (keep) or "HTTP" leaves the
# traffic in the clear (Trivy accepts any redirect).
redirects_to_https(listener) if {
	some action in object.get(listener, "defaultactions", [])
	action.type.value == "redirect"
	upper(object.get(action, ["redirectprotocol", "value"], "HTTPS")) == "HTTPS"
}

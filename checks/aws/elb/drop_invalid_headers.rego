# METADATA
# title: "Application load balancers drop invalid HTTP headers"
# description: >-
#   An application load balancer passes header fields with invalid names to its targets unless
#   routing.http.drop_invalid_header_fields.enabled is set; some targets parse such headers in ways
#   that enable request smuggling.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#load-balancer-attributes
# custom:
#   id: AVD-AWS-0052
#   avd_id: AVD-AWS-0052
#   provider: aws
#   impact: >-
#     Headers with invalid names reach the targets, where differences in parsing between the load
#     balancer and the application can be used for HTTP desync and request smuggling attacks.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers > the ALB > Attributes > Edit: turn on Drop invalid header
#       fields.
#     cli: >-
#       aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes
#       Key=routing.http.drop_invalid_header_fields.enabled,Value=true
#     terraform: >-
#       aws_lb: drop_invalid_header_fields = true
#   service: elb
#   severity: HIGH
#   short_code: drop-invalid-headers
#   recommended_action: "Enable routing.http.drop_invalid_header_fields.enabled on the application load balancer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.aws0052

import rego.v1

import data.lib.cloud.metadata

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	isManaged(lb)
	lb.type.value == "application"
	not lb.dropinvalidheaderfields.value
	res := result.new(sprintf("Application load balancer '%s' does not drop invalid header fields.", [object.get(lb, ["name", "value"], "")]), metadata.obj_by_path(lb, ["dropinvalidheaderfields"]))
}

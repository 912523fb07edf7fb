# METADATA
# title: "Application and classic load balancers write access logs"
# description: >-
#   Access logs record every request a load balancer receives: the client, the path, the latency and
#   the response. Application and classic load balancers write them to an S3 bucket when logging is
#   on.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-access-logs.html
# custom:
#   id: OSP-AWS-0170
#   avd_id: OSP-AWS-0170
#   provider: aws
#   impact: >-
#     Without access logs there is no record of who sent which request, so an attack through the load
#     balancer cannot be traced.
#   remediation:
#     console: >-
#       EC2 console > Load balancers > the load balancer > Attributes (classic: Description) > Edit:
#       Access logs: on, with an S3 location.
#     cli: >-
#       aws elbv2 modify-load-balancer-attributes --load-balancer-arn ARN --attributes
#       Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=BUCKET (classic: aws elb
#       modify-load-balancer-attributes --load-balancer-name NAME --load-balancer-attributes
#       '{"AccessLog":{"Enabled":true,"S3BucketName":"BUCKET"}}')
#     terraform: >-
#       aws_lb: access_logs { bucket = aws_s3_bucket.logs.id, enabled = true } (aws_elb: access_logs {
#       bucket = ..., enabled = true })
#   service: elb
#   severity: MEDIUM
#   short_code: enable-access-logs
#   recommended_action: "Turn on access logs for the load balancer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.osp0170

import rego.v1

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	lb.type.value in {"application", "classic"}
	lb.accesslogs.value == false
	res := result.new(sprintf("Load balancer '%s' does not write access logs.", [object.get(lb, ["name", "value"], "")]), lb.accesslogs)
}

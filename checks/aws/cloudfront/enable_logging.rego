# METADATA
# title: "CloudFront distributions log their requests"
# description: >-
#   A distribution should write access logs, either standard (legacy) logs to an S3 bucket or standard logging v2 through a CloudWatch Logs delivery.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
# custom:
#   id: AVD-AWS-0010
#   avd_id: AVD-AWS-0010
#   provider: aws
#   impact: >-
#     Without access logs, who requested what through the distribution cannot be investigated after an incident.
#   remediation:
#     console: >-
#       CloudFront console > the distribution > Logging > Add (standard logging v2: CloudWatch Logs, S3 or Firehose destination).
#     cli: >-
#       aws logs put-delivery-source --name NAME --resource-arn DISTRIBUTION_ARN --log-type ACCESS_LOGS; aws logs put-delivery-destination ...; aws logs create-delivery --delivery-source-name NAME --delivery-destination-arn DEST_ARN
#     terraform: >-
#       aws_cloudwatch_log_delivery_source + aws_cloudwatch_log_delivery for the distribution, or aws_cloudfront_distribution logging_config { bucket = ... }
#   service: cloudfront
#   severity: MEDIUM
#   short_code: enable-logging
#   recommended_action: "Turn on standard logging (v2 or legacy) for the distribution."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudfront
#             provider: aws
package builtin.aws.cloudfront.aws0010

import rego.v1

deny contains res if {
	some dist in input.aws.cloudfront.distributions
	object.get(dist, ["logging", "bucket", "value"], "") == ""
	not dist.logging.v2.enabled.value
	res := result.new(sprintf("Distribution '%s' does not have access logging enabled.", [object.get(dist, ["id", "value"], "?")]), object.get(dist, "logging", dist))
}

# METADATA
# title: "WAF web ACLs have logging enabled"
# description: >-
#   A web ACL without a logging configuration keeps no record of the requests it allowed, blocked
#   or counted, of either scope (REGIONAL or CLOUDFRONT). AWS Foundational Security Best
#   Practices WAF.11.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/logging.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-11
# custom:
#   id: OSP-AWS-0080
#   avd_id: OSP-AWS-0080
#   provider: aws
#   impact: >-
#     Without WAF logs an attack the web ACL saw cannot be investigated, false positives of its
#     rules cannot be tuned, and nobody can tell which rule blocked a legitimate customer.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs (pick the Region, or Global (CloudFront)) > the web ACL >
#       Logging and metrics > Enable: a CloudWatch Logs log group, S3 bucket or Firehose stream
#       whose name starts with aws-waf-logs-.
#     cli: >-
#       aws wafv2 put-logging-configuration --logging-configuration
#       ResourceArn=WEB-ACL-ARN,LogDestinationConfigs=arn:aws:logs:REGION:ACCOUNT:log-group:aws-waf-logs-NAME
#     terraform: >-
#       aws_wafv2_web_acl_logging_configuration: resource_arn = the web ACL's arn,
#       log_destination_configs = [the aws-waf-logs- destination's arn]
#   service: wafv2
#   severity: MEDIUM
#   short_code: enable-web-acl-logging
#   recommended_action: "Send the web ACL's logs to CloudWatch Logs, S3 or Firehose."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: wafv2
#             provider: aws
#           - service: wafv2cloudfront
#             provider: aws
package builtin.aws.wafv2.osp0080

import rego.v1

import data.lib.aws.wafv2

# The web ACLs of both scopes (named here by path: the scan reads the collection from the check).
webacls contains acl if some acl in input.aws.wafv2.webacls

webacls contains acl if some acl in input.aws.wafv2cloudfront.webacls

deny contains res if {
	some acl in webacls
	not acl.logging.enabled.value == true
	res := result.new(sprintf("Web ACL %s has no logging configuration.", [wafv2.label(acl)]), object.get(acl, ["logging", "enabled"], acl))
}

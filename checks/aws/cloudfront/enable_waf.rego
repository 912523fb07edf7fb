# METADATA
# title: "CloudFront distributions have a WAF web ACL"
# description: >-
#   A web ACL (AWS WAF) in front of a distribution filters common attacks and abusive traffic before it reaches the origin.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/cloudfront-features.html
# custom:
#   id: AVD-AWS-0011
#   avd_id: AVD-AWS-0011
#   provider: aws
#   impact: >-
#     Requests exploiting common web vulnerabilities or flooding the distribution reach the origin unfiltered.
#   remediation:
#     console: >-
#       CloudFront console > the distribution > Security > Edit: enable security protections (or pick an existing AWS WAF web ACL).
#     cli: >-
#       aws cloudfront get-distribution-config --id ID > cfg.json; set WebACLId to the web ACL ARN; aws cloudfront update-distribution --id ID --if-match ETAG --distribution-config file://cfg.json
#     terraform: >-
#       aws_cloudfront_distribution: web_acl_id = aws_wafv2_web_acl.this.arn
#   service: cloudfront
#   severity: HIGH
#   short_code: enable-waf
#   recommended_action: "Associate an AWS WAF web ACL with the distribution."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudfront
#             provider: aws
package builtin.aws.cloudfront.aws0011

import rego.v1

deny contains res if {
	some dist in input.aws.cloudfront.distributions
	object.get(dist, ["wafid", "value"], "") == ""
	res := result.new(sprintf("Distribution '%s' does not have a WAF web ACL.", [object.get(dist, ["id", "value"], "?")]), object.get(dist, "wafid", dist))
}

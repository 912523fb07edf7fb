# METADATA
# title: "CloudFront distributions require HTTPS from viewers"
# description: >-
#   Every cache behaviour (the default and each ordered one) should redirect HTTP to HTTPS or accept HTTPS only.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-viewers-to-cloudfront.html
# custom:
#   id: AVD-AWS-0012
#   avd_id: AVD-AWS-0012
#   provider: aws
#   impact: >-
#     Requests and responses between viewers and CloudFront can be read and altered on the network.
#   remediation:
#     console: >-
#       CloudFront console > the distribution > Behaviors > each behaviour > Edit: Viewer protocol policy: Redirect HTTP to HTTPS (or HTTPS only).
#     cli: >-
#       aws cloudfront get-distribution-config --id ID > cfg.json; set ViewerProtocolPolicy to redirect-to-https in every behaviour; aws cloudfront update-distribution --id ID --if-match ETAG --distribution-config file://cfg.json
#     terraform: >-
#       aws_cloudfront_distribution: default_cache_behavior and ordered_cache_behavior { viewer_protocol_policy = "redirect-to-https" }
#   service: cloudfront
#   severity: CRITICAL
#   short_code: enforce-https
#   recommended_action: "Set every cache behaviour's viewer protocol policy to redirect-to-https or https-only."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudfront
#             provider: aws
package builtin.aws.cloudfront.aws0012

import rego.v1

deny contains res if {
	some dist in input.aws.cloudfront.distributions
	some b in behaviours(dist)
	b.viewerprotocolpolicy.value == "allow-all"
	res := result.new(sprintf("Distribution '%s' allows plain HTTP (cache behaviour '%s').", [object.get(dist, ["id", "value"], "?"), object.get(b, ["pathpattern", "value"], "default")]), b.viewerprotocolpolicy)
}

behaviours(dist) := array.concat([object.get(dist, "defaultcachebehaviour", {})], object.get(dist, "orderercachebehaviours", []))

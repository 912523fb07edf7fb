# METADATA
# title: "CloudFront distributions with a custom certificate use a current TLS policy"
# description: >-
#   A distribution serving its own certificate should require TLS 1.2 or later with a current security policy (TLSv1.2_2021, TLSv1.2_2025 or TLSv1.3_2025). Distributions on the default *.cloudfront.net certificate cannot choose a policy and are not judged.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
# custom:
#   id: AVD-AWS-0013
#   avd_id: AVD-AWS-0013
#   provider: aws
#   impact: >-
#     Viewers may connect with outdated TLS versions and ciphers that attackers can downgrade or break.
#   remediation:
#     console: >-
#       CloudFront console > the distribution > General > Settings > Edit: Security policy TLSv1.2_2021 (recommended) or later.
#     cli: >-
#       aws cloudfront get-distribution-config --id ID > cfg.json; set ViewerCertificate.MinimumProtocolVersion to TLSv1.2_2021; aws cloudfront update-distribution --id ID --if-match ETAG --distribution-config file://cfg.json
#     terraform: >-
#       aws_cloudfront_distribution: viewer_certificate { minimum_protocol_version = "TLSv1.2_2021" }
#   service: cloudfront
#   severity: HIGH
#   short_code: use-secure-tls-policy
#   recommended_action: "Use the TLSv1.2_2021 security policy or a later one."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudfront
#             provider: aws
package builtin.aws.cloudfront.aws0013

import rego.v1

secure := {"TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"}

deny contains res if {
	some dist in input.aws.cloudfront.distributions
	not dist.viewercertificate.cloudfrontdefaultcertificate.value
	not object.get(dist, ["viewercertificate", "minimumprotocolversion", "value"], "") in secure
	res := result.new(sprintf("Distribution '%s' allows outdated TLS (%s).", [object.get(dist, ["id", "value"], "?"), object.get(dist, ["viewercertificate", "minimumprotocolversion", "value"], "no policy")]), object.get(dist, "viewercertificate", dist))
}

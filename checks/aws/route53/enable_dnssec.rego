# METADATA
# title: "Public hosted zones are signed with DNSSEC"
# description: >-
#   Route 53 signs a public hosted zone's records only when DNSSEC signing is enabled (and the
#   parent zone holds its DS record); unsigned answers can be forged by a cache-poisoning or
#   on-path attacker and validating resolvers cannot tell.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec.html
# custom:
#   id: OSP-AWS-0083
#   avd_id: OSP-AWS-0083
#   provider: aws
#   impact: >-
#     Users can be sent to an attacker's servers by forged DNS answers for the domain (spoofing,
#     cache poisoning), and mail and certificate validation that trust DNS go with them.
#   remediation:
#     console: >-
#       Route 53 console > Hosted zones > the zone > DNSSEC signing > Enable DNSSEC signing (with
#       a key-signing key backed by a customer managed KMS key in us-east-1), then add the DS
#       record to the parent zone or registrar.
#     cli: >-
#       aws route53 create-key-signing-key --hosted-zone-id ZONE-ID --name ksk1 --key-management-service-arn
#       KMS-KEY-ARN --status ACTIVE --caller-reference REF; aws route53 enable-hosted-zone-dnssec
#       --hosted-zone-id ZONE-ID
#     terraform: >-
#       aws_route53_key_signing_key (hosted_zone_id, key_management_service_arn) and
#       aws_route53_hosted_zone_dnssec (hosted_zone_id)
#   service: route53
#   severity: MEDIUM
#   short_code: enable-dnssec-signing
#   recommended_action: "Enable DNSSEC signing for the public hosted zone and publish its DS record."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: route53
#             provider: aws
package builtin.aws.route53.osp0083

import rego.v1

deny contains res if {
	some zone in input.aws.route53.hostedzones
	zone.private.value == false
	sig := object.get(zone, ["dnssec", "servesignature", "value"], "")
	not sig in {"SIGNING", "ACTION_NEEDED", "INTERNAL_FAILURE"}
	res := result.new(sprintf("Public hosted zone '%s' is not DNSSEC-signed (%s).", [object.get(zone, ["name", "value"], ""), object.get({"": "status unknown"}, sig, sig)]), object.get(zone, "dnssec", zone))
}

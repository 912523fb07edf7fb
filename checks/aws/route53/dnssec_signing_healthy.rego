# METADATA
# title: "DNSSEC signing of hosted zones needs no action"
# description: >-
#   Route 53 reports ACTION_NEEDED or INTERNAL_FAILURE for a signed zone, or for one of its
#   key-signing keys, when it can no longer sign: typically the KSK's KMS key was disabled,
#   deleted or its key policy no longer lets Route 53 use it.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-configuring-dnssec-troubleshoot.html
#   - https://docs.aws.amazon.com/Route53/latest/APIReference/API_GetDNSSEC.html
# custom:
#   id: OSP-AWS-0086
#   avd_id: OSP-AWS-0086
#   provider: aws
#   impact: >-
#     When the signatures expire, validating resolvers (a large share of the internet's) answer
#     SERVFAIL: the whole domain stops resolving for their users.
#   remediation:
#     console: >-
#       Route 53 console > Hosted zones > the zone > DNSSEC signing: read the status message;
#       re-enable the KMS key or restore its key policy for dnssec-route53.amazonaws.com, or
#       create a new key-signing key and rotate to it.
#     cli: >-
#       aws route53 get-dnssec --hosted-zone-id ZONE-ID; aws kms enable-key --key-id KEY-ID (or fix
#       its policy); aws route53 activate-key-signing-key --hosted-zone-id ZONE-ID --name KSK
#     terraform: >-
#       aws_kms_key of the aws_route53_key_signing_key: is_enabled = true and a policy allowing
#       dnssec-route53.amazonaws.com kms:DescribeKey, kms:GetPublicKey, kms:Sign
#   service: route53
#   severity: HIGH
#   short_code: dnssec-signing-healthy
#   recommended_action: "Fix the key-signing key (its KMS key and key policy) so Route 53 can sign the zone again."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: route53
#             provider: aws
package builtin.aws.route53.osp0086

import rego.v1

broken := {"ACTION_NEEDED", "INTERNAL_FAILURE"}

deny contains res if {
	some zone in input.aws.route53.hostedzones
	zone.dnssec.servesignature.value in broken
	res := result.new(sprintf("DNSSEC signing of hosted zone '%s' is %s: %s", [object.get(zone, ["name", "value"], ""), zone.dnssec.servesignature.value, object.get(zone, ["dnssec", "statusmessage", "value"], "no message")]), zone.dnssec.servesignature)
}

deny contains res if {
	some zone in input.aws.route53.hostedzones
	not zone.dnssec.servesignature.value in broken
	some ksk in object.get(zone, ["dnssec", "keysigningkeys"], [])
	ksk.status.value in broken
	res := result.new(sprintf("Key-signing key '%s' of hosted zone '%s' is %s: %s", [object.get(ksk, ["name", "value"], "?"), object.get(zone, ["name", "value"], ""), ksk.status.value, object.get(ksk, ["statusmessage", "value"], "no message")]), ksk.status)
}

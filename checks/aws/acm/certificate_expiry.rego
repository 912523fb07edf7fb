# METADATA
# title: "ACM certificates are renewed at least 30 days before they expire"
# description: >-
#   An issued (or already expired) certificate whose validity ends within 30 days has not been
#   renewed in time: ACM renews DNS-validated certificates about 60 days ahead, so one this close
#   to expiry is imported or stuck in validation. AWS Foundational Security Best Practices ACM.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html#acm-1
# custom:
#   id: OSP-AWS-0061
#   avd_id: OSP-AWS-0061
#   provider: aws
#   impact: >-
#     When the certificate expires, clients refuse the TLS connections of every load balancer,
#     CloudFront distribution or API that serves it: an outage, or users taught to click through
#     certificate warnings.
#   remediation:
#     console: >-
#       ACM console > Certificates > the certificate: for an imported one, Reimport certificate with
#       a renewed certificate; for an ACM-issued one, complete the pending domain validation (add
#       the CNAME record) so managed renewal can proceed.
#     cli: >-
#       aws acm import-certificate --certificate-arn CERT-ARN --certificate fileb://cert.pem
#       --private-key fileb://key.pem --certificate-chain fileb://chain.pem
#     terraform: >-
#       aws_acm_certificate: validation_method = "DNS" with an aws_acm_certificate_validation (managed
#       renewal), or a renewed certificate_body / private_key for an imported one
#   service: acm
#   severity: MEDIUM
#   short_code: renew-expiring-certificates
#   recommended_action: "Renew or reimport the certificate before it expires."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: acm
#             provider: aws
package builtin.aws.acm.osp0061

import rego.v1

import data.lib.datetime

judged := {"ISSUED", "EXPIRED"}

deny contains res if {
	some cert in input.aws.acm.certificates
	cert.status.value in judged
	notafter := cert.notafter.value
	datetime.is_valid(notafter)
	time.parse_rfc3339_ns(notafter) - time.now_ns() < datetime.days_to_ns(30)
	res := result.new(sprintf("Certificate for '%s' expires within 30 days (not after %s).", [object.get(cert, ["domainname", "value"], "?"), notafter]), cert.notafter)
}

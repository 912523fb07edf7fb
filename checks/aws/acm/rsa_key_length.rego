# METADATA
# title: "ACM RSA certificates use keys of at least 2048 bits"
# description: >-
#   An RSA key shorter than 2048 bits (RSA_1024, mostly imported certificates) no longer gives the
#   strength TLS clients and standards expect. AWS Foundational Security Best Practices ACM.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/acm/latest/userguide/acm-certificate.html#algorithms
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/acm-controls.html#acm-2
# custom:
#   id: OSP-AWS-0062
#   avd_id: OSP-AWS-0062
#   provider: aws
#   impact: >-
#     A short RSA key can be factored with far less effort than a 2048-bit one, after which traffic
#     protected by the certificate can be impersonated or decrypted.
#   remediation:
#     console: >-
#       ACM console > Request a certificate (key algorithm RSA 2048 or ECDSA P-256), or reimport the
#       certificate issued for a 2048-bit or longer key; point its users at the new certificate and
#       delete the old one.
#     cli: >-
#       aws acm request-certificate --domain-name DOMAIN --validation-method DNS --key-algorithm
#       RSA_2048
#     terraform: >-
#       aws_acm_certificate: key_algorithm = "RSA_2048" (or "EC_prime256v1"); an imported
#       private_key of at least 2048 bits
#   service: acm
#   severity: HIGH
#   short_code: rsa-key-at-least-2048
#   recommended_action: "Replace the certificate with one whose RSA key has at least 2048 bits."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: acm
#             provider: aws
package builtin.aws.acm.osp0062

import rego.v1

# "RSA_1024" (ListCertificates) or "RSA-1024" (DescribeCertificate)
rsa_bits(alg) := to_number(parts[1]) if {
	parts := split(replace(alg, "-", "_"), "_")
	count(parts) == 2
	upper(parts[0]) == "RSA"
	regex.match(`^[0-9]+$`, parts[1])
}

deny contains res if {
	some cert in input.aws.acm.certificates
	bits := rsa_bits(cert.keyalgorithm.value)
	bits < 2048
	res := result.new(sprintf("Certificate for '%s' has a %d-bit RSA key.", [object.get(cert, ["domainname", "value"], "?"), bits]), cert.keyalgorithm)
}

# METADATA
# title: "No expired server certificates are stored in IAM"
# description: >-
#   An expired TLS certificate left in IAM can be deployed by mistake to a load balancer or
#   CloudFront, breaking clients and trust. Delete certificates once they expire.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_server-certs.html
# custom:
#   id: AVD-AWS-0168
#   avd_id: AVD-AWS-0168
#   provider: aws
#   impact: >-
#     An expired certificate still attached to a load balancer or CloudFront breaks TLS for clients;
#     kept unattached, it is clutter that can be deployed by mistake.
#   remediation:
#     console: >-
#       IAM server certificates have no console page: list them with the CLI and delete the expired
#       ones (after moving any listener to a valid certificate, preferably from ACM).
#     cli: >-
#       aws iam list-server-certificates --query
#       'ServerCertificateMetadataList[].[ServerCertificateName,Expiration]' && aws iam
#       delete-server-certificate --server-certificate-name NAME
#   service: iam
#   severity: LOW
#   short_code: remove-expired-certificates
#   recommended_action: "Delete expired certificates with 'aws iam delete-server-certificate'."
#   frameworks:
#     cis-aws-1.4:
#       - "1.19"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0168

import rego.v1

deny contains res if {
	some cert in input.aws.iam.servercertificates
	time.parse_rfc3339_ns(cert.expiration.value) < time.now_ns()
	res := result.new(sprintf("Server certificate '%s' expired on %s.", [object.get(cert, ["name", "value"], "?"), cert.expiration.value]), cert)
}

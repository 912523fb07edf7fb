# METADATA
# title: "OpenSearch domain endpoints require TLS 1.2 or later"
# description: >-
#   The domain endpoint's TLS security policy sets the oldest TLS version it negotiates.
#   Policy-Min-TLS-1-0-2019-07 still accepts TLS 1.0 and 1.1. Any Policy-Min-TLS-1-2-* policy (or a
#   later minimum) passes, so policies AWS adds later are not flagged. (FSBP ES.8, OpenSearch.8.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
#   - https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html
# custom:
#   id: AVD-AWS-0126
#   avd_id: AVD-AWS-0126
#   provider: aws
#   impact: >-
#     Clients can be made to negotiate TLS 1.0 or 1.1, whose known weaknesses expose the traffic.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit security configuration >
#       TLS security policy: Policy-Min-TLS-1-2-PFS-2023-10.
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --domain-endpoint-options
#       EnforceHTTPS=true,TLSSecurityPolicy=Policy-Min-TLS-1-2-PFS-2023-10
#     terraform: >-
#       aws_opensearch_domain: domain_endpoint_options { tls_security_policy =
#       "Policy-Min-TLS-1-2-PFS-2023-10" }
#   service: elasticsearch
#   severity: HIGH
#   short_code: use-secure-tls-policy
#   recommended_action: "Use a TLS 1.2 (or later) minimum security policy on the domain endpoint."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.aws0126

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

modern(policy) if startswith(policy, "Policy-Min-TLS-1-2")

modern(policy) if startswith(policy, "Policy-Min-TLS-1-3")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	policy := d.endpoint.tlspolicy.value
	not modern(policy)
	res := result.new(sprintf("OpenSearch domain '%s' uses TLS policy '%s', which accepts TLS versions older than 1.2.", [name(d), policy]), d.endpoint.tlspolicy)
}

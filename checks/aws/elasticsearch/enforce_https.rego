# METADATA
# title: "OpenSearch domains accept HTTPS only"
# description: >-
#   A domain endpoint that does not enforce HTTPS also answers plain HTTP, so clients that use it
#   send credentials, queries and documents in clear. (With the TLS policy, FSBP ES.8 and
#   OpenSearch.8.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html
# custom:
#   id: AVD-AWS-0046
#   avd_id: AVD-AWS-0046
#   provider: aws
#   impact: >-
#     Requests and responses, signed credentials and basic-auth passwords included, can be read or
#     changed in transit.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit security configuration >
#       Encryption: Require HTTPS for all traffic to the domain.
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --domain-endpoint-options
#       EnforceHTTPS=true
#     terraform: >-
#       aws_opensearch_domain: domain_endpoint_options { enforce_https = true }
#   service: elasticsearch
#   severity: CRITICAL
#   short_code: enforce-https
#   recommended_action: "Require HTTPS for all traffic to the domain."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.aws0046

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	not d.endpoint.enforcehttps.value == true
	res := result.new(sprintf("OpenSearch domain '%s' accepts plain HTTP.", [name(d)]), object.get(d, ["endpoint", "enforcehttps"], d))
}

# METADATA
# title: "OpenSearch domains are encrypted at rest"
# description: >-
#   Encryption at rest protects a domain's indices, logs, swap files and automated snapshots with a
#   KMS key. It is off on older domains and can be turned on for domains of OpenSearch or
#   Elasticsearch 5.1 and later.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
# custom:
#   id: AVD-AWS-0048
#   avd_id: AVD-AWS-0048
#   provider: aws
#   impact: >-
#     Index data and snapshots are stored in clear on AWS storage, outside KMS access control and
#     audit.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit security configuration >
#       Encryption: Enable encryption of data at rest (AWS owned or a KMS key).
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --encryption-at-rest-options
#       Enabled=true
#     terraform: >-
#       aws_opensearch_domain: encrypt_at_rest { enabled = true }
#   service: elasticsearch
#   severity: HIGH
#   short_code: enable-domain-encryption
#   recommended_action: "Enable encryption at rest for the domain."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.aws0048

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	not d.atrestencryption.enabled.value == true
	res := result.new(sprintf("OpenSearch domain '%s' is not encrypted at rest.", [name(d)]), object.get(d, "atrestencryption", d))
}

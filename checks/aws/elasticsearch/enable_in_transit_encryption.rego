# METADATA
# title: "OpenSearch domains encrypt traffic between nodes"
# description: >-
#   Node-to-node encryption adds TLS to the traffic between the nodes of a domain inside its VPC or
#   service network. Without it, shard replication and queries between nodes travel in clear. (FSBP
#   ES.3, OpenSearch.3.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html
# custom:
#   id: AVD-AWS-0043
#   avd_id: AVD-AWS-0043
#   provider: aws
#   impact: >-
#     Anyone able to observe the network between the nodes reads indexed documents and query
#     results.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit security configuration >
#       Encryption: Node-to-node encryption.
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --node-to-node-encryption-options
#       Enabled=true
#     terraform: >-
#       aws_opensearch_domain: node_to_node_encryption { enabled = true }
#   service: elasticsearch
#   severity: HIGH
#   short_code: enable-in-transit-encryption
#   recommended_action: "Enable node-to-node encryption for the domain."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.aws0043

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	not d.transitencryption.enabled.value == true
	res := result.new(sprintf("OpenSearch domain '%s' does not encrypt traffic between its nodes.", [name(d)]), object.get(d, "transitencryption", d))
}

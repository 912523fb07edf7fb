# METADATA
# title: "MSK clusters encrypt traffic between brokers"
# description: >-
#   With in-cluster encryption off, replication between brokers travels in clear. It can only be
#   chosen when the cluster is created. AWS Foundational Security Best Practices MSK.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-1
# custom:
#   id: OSP-AWS-0113
#   avd_id: OSP-AWS-0113
#   provider: aws
#   impact: >-
#     Every message crosses the VPC in clear as it is replicated.
#   remediation:
#     console: >-
#       Create a new cluster with Encryption within the cluster turned on and move the topics to
#       it.
#     cli: >-
#       aws kafka create-cluster ... --encryption-info
#       '{"EncryptionInTransit":{"InCluster":true,"ClientBroker":"TLS"}}'
#     terraform: >-
#       aws_msk_cluster: encryption_info { encryption_in_transit { in_cluster = true } }
#   service: msk
#   severity: MEDIUM
#   short_code: enable-in-cluster-encryption
#   recommended_action: "Recreate the cluster with encryption between brokers."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.osp0113

import rego.v1

deny contains res if {
	some c in input.aws.msk.clusters
	not c.clustertype.value == "SERVERLESS"
	c.encryptionintransit.incluster.value == false
	res := result.new(sprintf("MSK cluster '%s' does not encrypt traffic between brokers.", [object.get(c, ["name", "value"], "")]), c.encryptionintransit.incluster)
}

# METADATA
# title: "MSK clusters accept TLS connections only from clients"
# description: >-
#   With client-broker encryption PLAINTEXT or TLS_PLAINTEXT, clients may produce and consume in
#   clear. Serverless clusters accept TLS only.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
# custom:
#   id: AVD-AWS-0073
#   avd_id: AVD-AWS-0073
#   provider: aws
#   impact: >-
#     Messages and SASL/SCRAM credentials cross the network readable by anyone able to capture it.
#   remediation:
#     console: >-
#       MSK console > the cluster > Properties > Security settings > Edit: Encryption within the
#       cluster and between clients and brokers: TLS only.
#     cli: >-
#       aws kafka update-security --cluster-arn ARN --current-version VERSION --encryption-info
#       '{"EncryptionInTransit":{"ClientBroker":"TLS"}}'
#     terraform: >-
#       aws_msk_cluster: encryption_info { encryption_in_transit { client_broker = "TLS" } }
#   service: msk
#   severity: HIGH
#   short_code: enable-in-transit-encryption
#   recommended_action: "Set client-broker encryption to TLS."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.aws0073

import rego.v1

deny contains res if {
	some c in input.aws.msk.clusters
	upper(c.encryptionintransit.clientbroker.value) in {"PLAINTEXT", "TLS_PLAINTEXT"}
	res := result.new(sprintf("MSK cluster '%s' allows %s client connections.", [object.get(c, ["name", "value"], ""), c.encryptionintransit.clientbroker.value]), c.encryptionintransit.clientbroker)
}

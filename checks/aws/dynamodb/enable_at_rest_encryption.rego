# METADATA
# title: "DAX clusters encrypt data at rest"
# description: >-
#   DynamoDB Accelerator (DAX) caches table items on its nodes' disks. Encryption at rest can only
#   be chosen when the cluster is created; a cluster created without it keeps the cached items in
#   clear on disk.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
# custom:
#   id: AVD-AWS-0023
#   avd_id: AVD-AWS-0023
#   provider: aws
#   impact: >-
#     The cache holds copies of table items. Without encryption at rest they sit in clear on the
#     nodes' storage, outside the protection the table itself has.
#   remediation:
#     console: >-
#       DynamoDB console > DAX > Clusters: encryption cannot be turned on for an existing cluster.
#       Create a new cluster with "Enable encryption at rest" checked, point the clients at it,
#       then delete the old one.
#     cli: >-
#       aws dax create-cluster --cluster-name NAME --node-type dax.r5.large --replication-factor 3
#       --iam-role-arn ROLE-ARN --sse-specification Enabled=true
#     terraform: >-
#       aws_dax_cluster: server_side_encryption { enabled = true }
#   service: dynamodb
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Re-create the DAX cluster with encryption at rest enabled."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: dynamodb
#             provider: aws
package builtin.aws.dynamodb.aws0023

import rego.v1

deny contains res if {
	some cluster in input.aws.dynamodb.daxclusters
	not cluster.serversideencryption.enabled.value == true
	res := result.new(sprintf("DAX cluster '%s' does not encrypt data at rest.", [object.get(cluster, ["name", "value"], "")]), object.get(cluster, "serversideencryption", cluster))
}

# METADATA
# title: "DAX clusters encrypt traffic to their endpoint with TLS"
# description: >-
#   A DAX cluster created with endpoint encryption type TLS only accepts TLS connections from
#   clients. The setting is chosen at creation and cannot be changed, so a cluster without it has to
#   be replaced.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionInTransit.html
# custom:
#   id: OSP-AWS-0162
#   avd_id: OSP-AWS-0162
#   provider: aws
#   impact: >-
#     Without TLS, cached items and the requests that read them cross the network in clear text,
#     readable by anyone who can capture traffic in the VPC.
#   remediation:
#     console: >-
#       DynamoDB console > DAX > Clusters > Create cluster: Encryption in transit: Enable TLS; move
#       clients to the new cluster and delete the old one.
#     cli: >-
#       aws dax create-cluster --cluster-name NAME --node-type dax.r5.large --replication-factor 3
#       --iam-role-arn ROLE-ARN --cluster-endpoint-encryption-type TLS
#     terraform: >-
#       aws_dax_cluster: cluster_endpoint_encryption_type = "TLS"
#   service: dynamodb
#   severity: MEDIUM
#   short_code: enable-dax-in-transit-encryption
#   recommended_action: "Replace the cluster with one created with endpoint encryption type TLS."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: dynamodb
#             provider: aws
package builtin.aws.dynamodb.osp0162

import rego.v1

deny contains res if {
	some cluster in input.aws.dynamodb.daxclusters
	upper(cluster.endpointencryption.value) != "TLS"
	res := result.new(sprintf("DAX cluster '%s' accepts connections without TLS.", [object.get(cluster, ["name", "value"], "")]), cluster.endpointencryption)
}

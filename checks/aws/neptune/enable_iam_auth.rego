# METADATA
# title: "Neptune clusters use IAM database authentication"
# description: >-
#   With IAM database authentication every request to the cluster is signed with AWS credentials and
#   allowed by IAM policy; without it, anyone who reaches the endpoint in the VPC can query the
#   graph. (FSBP Neptune.7.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/iam-auth.html
# custom:
#   id: OSP-AWS-0128
#   avd_id: OSP-AWS-0128
#   provider: aws
#   impact: >-
#     Any host or workload with network access to the cluster endpoint reads and changes the graph,
#     unauthenticated.
#   remediation:
#     console: >-
#       Neptune console > Clusters > the cluster > Modify > Authentication: IAM DB authentication.
#     cli: >-
#       aws neptune modify-db-cluster --db-cluster-identifier CLUSTER
#       --enable-iam-database-authentication --apply-immediately
#     terraform: >-
#       aws_neptune_cluster: iam_database_authentication_enabled = true
#   service: neptune
#   severity: MEDIUM
#   short_code: enable-iam-auth
#   recommended_action: "Enable IAM database authentication on the cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.osp0128

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clusters
	c.iamauthenabled.value == false
	res := result.new(sprintf("Neptune cluster '%s' does not use IAM database authentication.", [name(c)]), c.iamauthenabled)
}

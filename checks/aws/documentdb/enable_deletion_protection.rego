# METADATA
# title: "DocumentDB clusters have deletion protection enabled"
# description: >-
#   Deletion protection makes the API refuse to delete the cluster until it is turned off, so a
#   mistaken or malicious delete call cannot drop the database in one step. (FSBP DocumentDB.5.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/db-cluster-delete.html
# custom:
#   id: OSP-AWS-0136
#   avd_id: OSP-AWS-0136
#   provider: aws
#   impact: >-
#     One DeleteDBCluster call (a script, a stack deletion, a stolen credential) destroys the
#     cluster.
#   remediation:
#     console: >-
#       DocumentDB console > Clusters > the cluster > Modify: Enable deletion protection.
#     cli: >-
#       aws docdb modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection
#       --apply-immediately
#     terraform: >-
#       aws_docdb_cluster: deletion_protection = true
#   service: documentdb
#   severity: LOW
#   short_code: enable-deletion-protection
#   recommended_action: "Enable deletion protection on the cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
package builtin.aws.documentdb.osp0136

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.documentdb.clusters
	c.deletionprotection.value == false
	res := result.new(sprintf("DocumentDB cluster '%s' has no deletion protection.", [name(c)]), c.deletionprotection)
}

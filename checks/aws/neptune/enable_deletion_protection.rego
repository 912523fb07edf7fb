# METADATA
# title: "Neptune clusters have deletion protection enabled"
# description: >-
#   Deletion protection makes the API refuse to delete the cluster until it is turned off, so a
#   mistaken or malicious delete call cannot drop the database in one step. (FSBP Neptune.4.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/manage-console-modify.html
# custom:
#   id: OSP-AWS-0126
#   avd_id: OSP-AWS-0126
#   provider: aws
#   impact: >-
#     One DeleteDBCluster call (a script, a stack deletion, a stolen credential) destroys the
#     cluster.
#   remediation:
#     console: >-
#       Neptune console > Clusters > the cluster > Modify: Enable deletion protection.
#     cli: >-
#       aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --deletion-protection
#       --apply-immediately
#     terraform: >-
#       aws_neptune_cluster: deletion_protection = true
#   service: neptune
#   severity: LOW
#   short_code: enable-deletion-protection
#   recommended_action: "Enable deletion protection on the cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.osp0126

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clusters
	c.deletionprotection.value == false
	res := result.new(sprintf("Neptune cluster '%s' has no deletion protection.", [name(c)]), c.deletionprotection)
}

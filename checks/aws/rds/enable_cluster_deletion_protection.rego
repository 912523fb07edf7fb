# METADATA
# title: "RDS clusters have deletion protection"
# description: >-
#   Deletion protection makes a DB cluster refuse to be deleted until the setting is turned off,
#   guarding against a mistaken console click or script.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Managing.html#Aurora.Managing.DeletionProtection
# custom:
#   id: AVD-AWS-0343
#   avd_id: AVD-AWS-0343
#   provider: aws
#   impact: >-
#     Without deletion protection one API call removes the cluster and, unless a final snapshot is
#     taken, its data.
#   remediation:
#     console: >-
#       RDS console > Databases > the cluster > Modify > Deletion protection: Enable > Apply
#       immediately.
#     cli: >-
#       aws rds modify-db-cluster --db-cluster-identifier CLUSTER-ID --deletion-protection --apply-
#       immediately
#     terraform: >-
#       aws_rds_cluster: deletion_protection = true
#   service: rds
#   severity: MEDIUM
#   short_code: enable-cluster-deletion-protection
#   recommended_action: "Enable deletion protection on the cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0343

import rego.v1

deny contains res if {
	some cluster in input.aws.rds.clusters
	not cluster.deletionprotection.value == true
	res := result.new(sprintf("DB cluster '%s' has no deletion protection.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), object.get(cluster, "deletionprotection", cluster))
}

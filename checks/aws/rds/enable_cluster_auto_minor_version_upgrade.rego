# METADATA
# title: "RDS DB clusters upgrade minor engine versions automatically"
# description: >-
#   With automatic minor version upgrades, RDS applies new minor engine versions, which carry
#   security fixes, in the cluster's maintenance window. OSP-AWS-0010 judges DB instances.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades
# custom:
#   id: OSP-AWS-0175
#   avd_id: OSP-AWS-0175
#   provider: aws
#   impact: >-
#     Security fixes of the database engine reach the cluster only when someone remembers to upgrade
#     it.
#   remediation:
#     console: >-
#       RDS console > Databases > the cluster > Modify > Maintenance: Enable auto minor version upgrade
#       > Apply.
#     cli: >-
#       aws rds modify-db-cluster --db-cluster-identifier CLUSTER --auto-minor-version-upgrade --apply-
#       immediately
#     terraform: >-
#       aws_rds_cluster: auto_minor_version_upgrade = true
#   service: rds
#   severity: MEDIUM
#   short_code: enable-cluster-auto-minor-version-upgrade
#   recommended_action: "Turn on automatic minor version upgrades for the DB cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.osp0175

import rego.v1

deny contains res if {
	some cluster in input.aws.rds.clusters
	cluster.autominorversionupgrade.value == false
	res := result.new(sprintf("DB cluster '%s' does not upgrade minor versions automatically.", [object.get(cluster, ["clusteridentifier", "value"], "")]), cluster.autominorversionupgrade)
}

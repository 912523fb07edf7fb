# METADATA
# title: "Redshift clusters keep automated snapshots for at least 7 days"
# description: >-
#   A retention period of 0 turns automated snapshots off; fewer than 7 days leaves little time to
#   notice a problem. AWS Foundational Security Best Practices Redshift.3.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-snapshots.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-3
# custom:
#   id: OSP-AWS-0103
#   avd_id: OSP-AWS-0103
#   provider: aws
#   impact: >-
#     Data lost or corrupted more than a few days ago cannot be restored.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Maintenance > Backup details > Edit: Automated snapshot
#       retention period: 7 days or more.
#     cli: >-
#       aws redshift modify-cluster --cluster-identifier CLUSTER --automated-snapshot-retention-
#       period 7
#     terraform: >-
#       aws_redshift_cluster: automated_snapshot_retention_period = 7
#   service: redshift
#   severity: MEDIUM
#   short_code: automated-snapshot-retention
#   recommended_action: "Keep automated snapshots for at least 7 days."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0103

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.automatedsnapshotretentionperiod.value < 7
	res := result.new(sprintf("Redshift cluster '%s' keeps automated snapshots for %d days (fewer than 7).", [object.get(c, ["clusteridentifier", "value"], ""), c.automatedsnapshotretentionperiod.value]), c.automatedsnapshotretentionperiod)
}

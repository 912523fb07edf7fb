# METADATA
# title: "Redshift clusters receive engine upgrades automatically"
# description: >-
#   With AllowVersionUpgrade off, the cluster keeps its engine version through maintenance windows
#   and misses security fixes. AWS Foundational Security Best Practices Redshift.6.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-set-maintenance-track
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-6
# custom:
#   id: OSP-AWS-0105
#   avd_id: OSP-AWS-0105
#   provider: aws
#   impact: >-
#     Known vulnerabilities of the engine stay open until someone upgrades by hand.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Maintenance > Edit: Allow version upgrade: Yes.
#     cli: >-
#       aws redshift modify-cluster --cluster-identifier CLUSTER --allow-version-upgrade
#     terraform: >-
#       aws_redshift_cluster: allow_version_upgrade = true
#   service: redshift
#   severity: MEDIUM
#   short_code: enable-version-upgrade
#   recommended_action: "Allow version upgrades during maintenance windows."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0105

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.allowversionupgrade.value == false
	res := result.new(sprintf("Redshift cluster '%s' does not receive version upgrades.", [object.get(c, ["clusteridentifier", "value"], "")]), c.allowversionupgrade)
}

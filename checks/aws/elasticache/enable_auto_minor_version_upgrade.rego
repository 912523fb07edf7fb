# METADATA
# title: "ElastiCache clusters apply minor version upgrades automatically"
# description: >-
#   With automatic minor version upgrades off, security fixes in new engine minor versions wait
#   for someone to apply them. AWS Foundational Security Best Practices ElastiCache.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/VersionManagement.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-2
# custom:
#   id: OSP-AWS-0100
#   avd_id: OSP-AWS-0100
#   provider: aws
#   impact: >-
#     Known vulnerabilities of the engine stay open until the upgrade is applied by hand.
#   remediation:
#     console: >-
#       ElastiCache console > the cache > Modify > Maintenance: Auto upgrade minor versions:
#       enable.
#     cli: >-
#       aws elasticache modify-cache-cluster --cache-cluster-id CLUSTER --auto-minor-version-
#       upgrade (or modify-replication-group --auto-minor-version-upgrade)
#     terraform: >-
#       aws_elasticache_cluster / aws_elasticache_replication_group: auto_minor_version_upgrade =
#       true
#   service: elasticache
#   severity: MEDIUM
#   short_code: enable-auto-minor-version-upgrade
#   recommended_action: "Turn on automatic minor version upgrades."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.osp0100

import rego.v1

deny contains res if {
	some c in input.aws.elasticache.clusters
	c.autominorversionupgrade.value == false
	res := result.new(sprintf("Cache cluster '%s' does not apply minor version upgrades automatically.", [object.get(c, ["clusterid", "value"], "")]), c.autominorversionupgrade)
}

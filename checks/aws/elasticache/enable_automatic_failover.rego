# METADATA
# title: "ElastiCache replication groups fail over automatically"
# description: >-
#   Without automatic failover, losing the primary node leaves the cache read-only or down until
#   someone promotes a replica. AWS Foundational Security Best Practices ElastiCache.3.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-3
# custom:
#   id: OSP-AWS-0110
#   avd_id: OSP-AWS-0110
#   provider: aws
#   impact: >-
#     A node or Availability Zone failure becomes an outage of everything that writes to the
#     cache.
#   remediation:
#     console: >-
#       ElastiCache console > the replication group > Modify > Auto-failover: enable (add a
#       replica first).
#     cli: >-
#       aws elasticache modify-replication-group --replication-group-id GROUP --automatic-
#       failover-enabled --apply-immediately
#     terraform: >-
#       aws_elasticache_replication_group: automatic_failover_enabled = true, num_cache_clusters
#       >= 2
#   service: elasticache
#   severity: MEDIUM
#   short_code: enable-automatic-failover
#   recommended_action: "Add a replica and enable automatic failover."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.osp0110

import rego.v1

deny contains res if {
	some g in input.aws.elasticache.replicationgroups
	not lower(object.get(g, ["automaticfailover", "value"], "")) in {"enabled", "enabling"}
	res := result.new(sprintf("Replication group '%s' has no automatic failover.", [object.get(g, ["replicationgroupid", "value"], "")]), object.get(g, "automaticfailover", g))
}

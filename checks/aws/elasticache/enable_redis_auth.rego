# METADATA
# title: "ElastiCache Redis OSS replication groups before version 6 use Redis AUTH"
# description: >-
#   Redis OSS before 6.0 has no access control lists: without an AUTH token any client that
#   reaches the port runs every command. The engine version is read from the group's member
#   clusters. AWS Foundational Security Best Practices ElastiCache.6.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-6
# custom:
#   id: OSP-AWS-0111
#   avd_id: OSP-AWS-0111
#   provider: aws
#   impact: >-
#     Anything in the VPC that can reach the cache reads, changes or flushes its data.
#   remediation:
#     console: >-
#       ElastiCache console > the replication group > Modify > Access control: Redis AUTH default
#       user access with a token (needs in-transit encryption), or upgrade to 6.x or later and use
#       RBAC user groups.
#     cli: >-
#       aws elasticache modify-replication-group --replication-group-id GROUP --auth-token TOKEN
#       --auth-token-update-strategy ROTATE --apply-immediately
#     terraform: >-
#       aws_elasticache_replication_group: auth_token = var.token (with transit_encryption_enabled
#       = true)
#   service: elasticache
#   severity: MEDIUM
#   short_code: enable-redis-auth
#   recommended_action: "Set an AUTH token, or upgrade to Redis OSS 6 or later and use RBAC."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.osp0111

import rego.v1

major(v) := to_number(split(v, ".")[0]) if regex.match(`^[0-9]+(\.|$)`, v)

# The engine version of a group: that of its member clusters.
before_six(g) if {
	some c in input.aws.elasticache.clusters
	c.replicationgroupid.value == g.replicationgroupid.value
	lower(object.get(c, ["engine", "value"], "redis")) == "redis"
	major(c.engineversion.value) < 6
}

deny contains res if {
	some g in input.aws.elasticache.replicationgroups
	lower(object.get(g, ["engine", "value"], "redis")) == "redis"
	not g.authtokenenabled.value == true
	before_six(g)
	res := result.new(sprintf("Redis OSS replication group '%s' (before 6.0) has no AUTH token.", [g.replicationgroupid.value]), object.get(g, "authtokenenabled", g))
}

# METADATA
# title: "ElastiCache Redis OSS and Valkey caches keep automatic backups"
# description: >-
#   A snapshot retention limit of 0 turns automatic backups off. Judged on Redis OSS and Valkey
#   cache clusters (except cache.t1.micro, which cannot take snapshots) and serverless caches;
#   Memcached has no backups. AWS Foundational Security Best Practices ElastiCache.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-1
# custom:
#   id: AVD-AWS-0050
#   avd_id: AVD-AWS-0050
#   provider: aws
#   impact: >-
#     After a failure, a bad deployment or a FLUSHALL the data cannot be restored.
#   remediation:
#     console: >-
#       ElastiCache console > the cache > Modify > Backup: enable automatic backups with a
#       retention period of at least one day.
#     cli: >-
#       aws elasticache modify-replication-group --replication-group-id GROUP --snapshot-
#       retention-limit 7 (or modify-cache-cluster / modify-serverless-cache)
#     terraform: >-
#       aws_elasticache_replication_group / aws_elasticache_cluster: snapshot_retention_limit = 7
#   service: elasticache
#   severity: MEDIUM
#   short_code: enable-backup-retention
#   recommended_action: "Set a snapshot retention limit of at least one day."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.aws0050

import rego.v1

backed_up_engine(e) if lower(e) in {"redis", "valkey"}

# Trivy tests engine == "redis" only, so Valkey caches are never judged there.
deny contains res if {
	some c in input.aws.elasticache.clusters
	backed_up_engine(c.engine.value)
	not c.nodetype.value == "cache.t1.micro"
	c.snapshotretentionlimit.value == 0
	res := result.new(sprintf("Cache cluster '%s' (%s) keeps no automatic backups.", [object.get(c, ["clusterid", "value"], ""), c.engine.value]), c.snapshotretentionlimit)
}

deny contains res if {
	some s in input.aws.elasticache.serverlesscaches
	backed_up_engine(s.engine.value)
	s.snapshotretentionlimit.value == 0
	res := result.new(sprintf("Serverless cache '%s' (%s) keeps no automatic backups.", [object.get(s, ["name", "value"], ""), s.engine.value]), s.snapshotretentionlimit)
}

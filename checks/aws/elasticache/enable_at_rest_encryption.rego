# METADATA
# title: "ElastiCache replication groups encrypt data at rest"
# description: >-
#   A replication group created without at-rest encryption writes its snapshots and swap to disk
#   in clear. The setting is chosen at creation. AWS Foundational Security Best Practices
#   ElastiCache.4.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-4
# custom:
#   id: AVD-AWS-0045
#   avd_id: AVD-AWS-0045
#   provider: aws
#   impact: >-
#     Anyone who obtains a backup, a snapshot exported to S3 or the underlying storage reads the
#     cached data.
#   remediation:
#     console: >-
#       ElastiCache console > Redis OSS / Valkey caches > create a new replication group with
#       Encryption at rest on, restore the data from a backup of the old one, then move clients
#       and delete the old group.
#     cli: >-
#       aws elasticache create-replication-group --replication-group-id NEW --at-rest-encryption-
#       enabled --snapshot-name SNAPSHOT ...
#     terraform: >-
#       aws_elasticache_replication_group: at_rest_encryption_enabled = true
#   service: elasticache
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Recreate the replication group with encryption at rest enabled."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.aws0045

import rego.v1

deny contains res if {
	some g in input.aws.elasticache.replicationgroups
	not g.atrestencryptionenabled.value == true
	res := result.new(sprintf("Replication group '%s' does not encrypt data at rest.", [object.get(g, ["replicationgroupid", "value"], "")]), object.get(g, "atrestencryptionenabled", g))
}

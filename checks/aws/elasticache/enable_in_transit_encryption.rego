# METADATA
# title: "ElastiCache replication groups encrypt data in transit"
# description: >-
#   Without in-transit encryption, clients and replicas talk to the cache in clear inside the VPC.
#   AWS Foundational Security Best Practices ElastiCache.5.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-5
# custom:
#   id: AVD-AWS-0051
#   avd_id: AVD-AWS-0051
#   provider: aws
#   impact: >-
#     Anyone able to capture traffic in the VPC reads keys, values and AUTH tokens.
#   remediation:
#     console: >-
#       ElastiCache console > the replication group > Modify > Encryption in transit: enable (mode
#       preferred, then required once every client uses TLS).
#     cli: >-
#       aws elasticache modify-replication-group --replication-group-id GROUP --transit-
#       encryption-enabled --transit-encryption-mode preferred --apply-immediately
#     terraform: >-
#       aws_elasticache_replication_group: transit_encryption_enabled = true
#   service: elasticache
#   severity: HIGH
#   short_code: enable-in-transit-encryption
#   recommended_action: "Enable encryption in transit on the replication group."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.aws0051

import rego.v1

deny contains res if {
	some g in input.aws.elasticache.replicationgroups
	not g.transitencryptionenabled.value == true
	res := result.new(sprintf("Replication group '%s' does not encrypt data in transit.", [object.get(g, ["replicationgroupid", "value"], "")]), object.get(g, "transitencryptionenabled", g))
}

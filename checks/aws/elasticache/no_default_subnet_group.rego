# METADATA
# title: "ElastiCache clusters do not use the default subnet group"
# description: >-
#   The subnet group named default spans the default VPC's subnets, which are public. AWS
#   Foundational Security Best Practices ElastiCache.7.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/SubnetGroups.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elasticache-controls.html#elasticache-7
# custom:
#   id: OSP-AWS-0112
#   avd_id: OSP-AWS-0112
#   provider: aws
#   impact: >-
#     The cache runs in subnets with a route to the internet, one security group rule away from
#     exposure.
#   remediation:
#     console: >-
#       ElastiCache console > Subnet groups > Create a subnet group of private subnets; recreate
#       the cache in it (a cluster's subnet group cannot be changed).
#     cli: >-
#       aws elasticache create-cache-subnet-group --cache-subnet-group-name private --subnet-ids
#       SUBNETS --cache-subnet-group-description private
#     terraform: >-
#       aws_elasticache_cluster / aws_elasticache_replication_group: subnet_group_name =
#       aws_elasticache_subnet_group.private.name
#   service: elasticache
#   severity: HIGH
#   short_code: no-default-subnet-group
#   recommended_action: "Recreate the cache in a subnet group of private subnets."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticache
#             provider: aws
package builtin.aws.elasticache.osp0112

import rego.v1

deny contains res if {
	some c in input.aws.elasticache.clusters
	c.cachesubnetgroupname.value == "default"
	res := result.new(sprintf("Cache cluster '%s' uses the default subnet group.", [object.get(c, ["clusterid", "value"], "")]), c.cachesubnetgroupname)
}

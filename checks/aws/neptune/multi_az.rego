# METADATA
# title: "Neptune clusters have instances in more than one Availability Zone"
# description: >-
#   A Neptune cluster is Multi-AZ when it has a read replica in another Availability Zone than its
#   primary; then an AZ failure promotes the replica in about a minute. With one instance or one AZ,
#   the cluster is down until the AZ recovers. (FSBP Neptune.9.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/feature-overview-availability.html
# custom:
#   id: OSP-AWS-0132
#   avd_id: OSP-AWS-0132
#   provider: aws
#   impact: >-
#     An Availability Zone outage or instance failure makes the database unavailable until AWS
#     recovers it.
#   remediation:
#     console: >-
#       Neptune console > Clusters > the cluster > Actions > Add reader: choose another Availability
#       Zone.
#     cli: >-
#       aws neptune create-db-instance --db-instance-identifier REPLICA --db-cluster-identifier
#       CLUSTER --engine neptune --db-instance-class db.r6g.large --availability-zone OTHER-AZ
#     terraform: >-
#       aws_neptune_cluster_instance: a second instance in another availability_zone
#   service: neptune
#   severity: MEDIUM
#   short_code: multi-az
#   recommended_action: "Add a read replica in another Availability Zone."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.osp0132

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clusters
	c.multiaz.value == false
	res := result.new(sprintf("Neptune cluster '%s' runs in a single Availability Zone.", [name(c)]), c.multiaz)
}

# METADATA
# title: "Neptune clusters copy their tags to snapshots"
# description: >-
#   Tags drive ownership, cost allocation and tag-based access control (IAM conditions on
#   aws:ResourceTag). Snapshots that do not inherit the cluster's tags escape those policies. (FSBP
#   Neptune.8.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/tagging.html
# custom:
#   id: OSP-AWS-0131
#   avd_id: OSP-AWS-0131
#   provider: aws
#   impact: >-
#     Snapshots lose their owner and classification tags, so tag-based access rules and inventories
#     miss them.
#   remediation:
#     console: >-
#       Neptune console > Clusters > the cluster > Modify: Copy tags to snapshots.
#     cli: >-
#       aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --copy-tags-to-snapshot
#       --apply-immediately
#     terraform: >-
#       aws_neptune_cluster: copy_tags_to_snapshot = true
#   service: neptune
#   severity: LOW
#   short_code: copy-tags-to-snapshots
#   recommended_action: "Copy the cluster's tags to its snapshots."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.osp0131

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clusters
	c.copytagstosnapshot.value == false
	res := result.new(sprintf("Neptune cluster '%s' does not copy its tags to snapshots.", [name(c)]), c.copytagstosnapshot)
}

# METADATA
# title: "Neptune manual cluster snapshots are not public"
# description: >-
#   A manual cluster snapshot whose restore attribute holds "all" can be copied and restored by any
#   AWS account. Only manual snapshots can be shared. (FSBP Neptune.3.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/security-considerations.html
# custom:
#   id: OSP-AWS-0129
#   avd_id: OSP-AWS-0129
#   provider: aws
#   impact: >-
#     Anyone with an AWS account restores the snapshot into their own account and reads every record
#     in it.
#   remediation:
#     console: >-
#       Neptune console > Snapshots > the snapshot > Actions > Share snapshot: Private (or named
#       accounts only).
#     cli: >-
#       aws neptune modify-db-cluster-snapshot-attribute --db-cluster-snapshot-identifier SNAPSHOT
#       --attribute-name restore --values-to-remove all
#     terraform: >-
#       Terraform has no snapshot sharing argument: remove the share with the CLI and keep snapshots
#       private.
#   service: neptune
#   severity: CRITICAL
#   short_code: no-public-snapshots
#   recommended_action: "Make the snapshot private; share it with named accounts only."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.osp0129

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clustersnapshots
	some attr in c.snapshotattributes
	object.get(attr, ["attributename", "value"], "restore") == "restore"
	some v in attr.attributevalues
	v.value == "all"
	res := result.new(sprintf("Neptune cluster snapshot '%s' can be restored by any AWS account.", [name(c)]), c)
}

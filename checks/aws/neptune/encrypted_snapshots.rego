# METADATA
# title: "Neptune manual cluster snapshots are encrypted at rest"
# description: >-
#   A snapshot of an unencrypted cluster is unencrypted, and so is every cluster restored from it or
#   copy shared from it, unless the copy is encrypted. (FSBP Neptune.6, judged on manual snapshots:
#   automated ones follow their cluster, which AVD-AWS-0076 judges.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/backup-restore-copy-snapshot.html
# custom:
#   id: OSP-AWS-0130
#   avd_id: OSP-AWS-0130
#   provider: aws
#   impact: >-
#     The snapshot's data sits in clear on AWS storage, and a copy or share of it carries the data
#     out unencrypted.
#   remediation:
#     console: >-
#       Neptune console > Snapshots > the snapshot > Actions > Copy snapshot: enable encryption with
#       a KMS key; delete the unencrypted snapshot.
#     cli: >-
#       aws neptune copy-db-cluster-snapshot --source-db-cluster-snapshot-identifier SNAP
#       --target-db-cluster-snapshot-identifier SNAP-ENC --kms-key-id
#       arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       Snapshots follow the cluster: aws_neptune_cluster storage_encrypted = true.
#   service: neptune
#   severity: MEDIUM
#   short_code: encrypted-snapshots
#   recommended_action: "Encrypt the snapshot (copy it with a KMS key) and delete the unencrypted one."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.osp0130

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clustersnapshots
	c.encrypted.value == false
	res := result.new(sprintf("Neptune cluster snapshot '%s' is not encrypted.", [name(c)]), c.encrypted)
}

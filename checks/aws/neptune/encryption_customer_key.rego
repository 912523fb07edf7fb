# METADATA
# title: "Neptune clusters are encrypted with a customer managed KMS key"
# description: >-
#   Neptune encrypts a cluster with the AWS managed key aws/rds unless a customer managed key is
#   chosen at creation. The API always names the key's ARN, so a check of an empty key (Trivy's)
#   never fires: the key is resolved through the region's KMS state (lib.aws.kms), and without it
#   the cluster is reported as not evaluated, never guessed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
# custom:
#   id: AVD-AWS-0128
#   avd_id: AVD-AWS-0128
#   provider: aws
#   impact: >-
#     With the AWS managed key anyone allowed to use the cluster's storage can decrypt it: the key
#     policy cannot be tightened, shared with chosen accounts or disabled in an incident.
#   remediation:
#     console: >-
#       Neptune console: the key cannot be changed. Snapshot the cluster, restore it with a customer
#       managed KMS key, move the clients, delete the old cluster.
#     cli: >-
#       aws neptune restore-db-cluster-from-snapshot --db-cluster-identifier NEW
#       --snapshot-identifier SNAP --engine neptune --kms-key-id
#       arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_neptune_cluster: storage_encrypted = true, kms_key_arn = aws_kms_key.neptune.arn
#   service: neptune
#   severity: HIGH
#   short_code: encryption-customer-key
#   recommended_action: "Encrypt the cluster with a customer managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.neptune.aws0128

import rego.v1

import data.lib.aws.kms

name(c) := object.get(c, ["identifier", "value"], "?")

# Without the region's KMS state only an alias name can be told apart.
decidable(_) if input.aws.kms

decidable(ref) if startswith(ref, "alias/aws/")

decidable(ref) if ref == ""

key(c) := object.get(c, ["kmskeyid", "value"], "")

# Encrypted, and the key is (or resolves to) an AWS managed key.
deny contains res if {
	some c in input.aws.neptune.clusters
	c.storageencrypted.value == true
	decidable(key(c))
	not kms.is_customer_managed(key(c))
	res := result.new(sprintf("Neptune cluster '%s' is encrypted with an AWS managed key, not a customer managed one.", [name(c)]), object.get(c, "kmskeyid", c))
}

not_evaluated contains reason if {
	not input.aws.kms
	some c in input.aws.neptune.clusters
	c.storageencrypted.value == true
	not decidable(key(c))
	reason := sprintf("Neptune cluster '%s': KMS was not collected, so key %s cannot be told customer managed or AWS managed", [name(c), key(c)])
}

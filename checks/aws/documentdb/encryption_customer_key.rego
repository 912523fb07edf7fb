# METADATA
# title: "DocumentDB clusters are encrypted with a customer managed KMS key"
# description: >-
#   DocumentDB encrypts a cluster with the AWS managed key aws/rds unless a customer managed key is
#   chosen at creation. The API always names the key's ARN, so a check of an empty key (Trivy's)
#   never fires: the key is resolved through the region's KMS state (lib.aws.kms), and without it
#   the cluster is reported as not evaluated, never guessed. The cluster's key is judged; its
#   instances always carry the same key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
# custom:
#   id: AVD-AWS-0022
#   avd_id: AVD-AWS-0022
#   provider: aws
#   impact: >-
#     With the AWS managed key the key policy cannot be tightened, shared with chosen accounts or
#     disabled in an incident: access to the data is governed only by who may use the cluster.
#   remediation:
#     console: >-
#       DocumentDB console: the key cannot be changed. Snapshot the cluster, restore it with a
#       customer managed KMS key, move the clients, delete the old cluster.
#     cli: >-
#       aws docdb restore-db-cluster-from-snapshot --db-cluster-identifier NEW --snapshot-identifier
#       SNAP --engine docdb --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_docdb_cluster: storage_encrypted = true, kms_key_id = aws_kms_key.docdb.arn
#   service: documentdb
#   severity: LOW
#   short_code: encryption-customer-key
#   recommended_action: "Encrypt the cluster with a customer managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.documentdb.aws0022

import rego.v1

import data.lib.aws.kms

name(c) := object.get(c, ["identifier", "value"], "?")

# Without the region's KMS state only an alias name can be told apart.
decidable(_) if input.aws.kms

decidable(ref) if startswith(ref, "alias/aws/")

decidable(ref) if ref == ""

key(c) := object.get(c, ["kmskeyid", "value"], "")

deny contains res if {
	some c in input.aws.documentdb.clusters
	c.storageencrypted.value == true
	decidable(key(c))
	not kms.is_customer_managed(key(c))
	res := result.new(sprintf("DocumentDB cluster '%s' is encrypted with an AWS managed key, not a customer managed one.", [name(c)]), object.get(c, "kmskeyid", c))
}

not_evaluated contains reason if {
	not input.aws.kms
	some c in input.aws.documentdb.clusters
	c.storageencrypted.value == true
	not decidable(key(c))
	reason := sprintf("DocumentDB cluster '%s': KMS was not collected, so key %s cannot be told customer managed or AWS managed", [name(c), key(c)])
}

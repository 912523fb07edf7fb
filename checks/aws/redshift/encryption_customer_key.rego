# METADATA
# title: "Redshift clusters are encrypted with a customer managed KMS key"
# description: >-
#   An unencrypted cluster stores its data blocks and snapshots in clear. The AWS managed key
#   aws/redshift encrypts, but its policy cannot be restricted or audited like a customer managed
#   key's.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
# custom:
#   id: AVD-AWS-0084
#   avd_id: AVD-AWS-0084
#   provider: aws
#   impact: >-
#     Data and snapshots are readable from storage, or decryptable by anyone allowed to use the
#     cluster.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Actions > Modify > Database configurations: Use AWS KMS
#       with a customer managed key.
#     cli: >-
#       aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted --kms-key-id
#       arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_redshift_cluster: encrypted = true, kms_key_id = aws_kms_key.warehouse.arn
#   service: redshift
#   severity: HIGH
#   short_code: encryption-customer-key
#   recommended_action: "Encrypt the cluster with a customer managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.redshift.aws0084

import rego.v1

import data.lib.aws.kms

name(c) := object.get(c, ["clusteridentifier", "value"], "")

key(c) := object.get(c, ["encryption", "kmskeyid", "value"], "")

deny contains res if {
	some c in input.aws.redshift.clusters
	not c.encryption.enabled.value == true
	res := result.new(sprintf("Redshift cluster '%s' is not encrypted.", [name(c)]), object.get(c, ["encryption", "enabled"], c))
}

# Trivy fails only an empty key, but an encrypted cluster always names one (the AWS managed key
# included): the key is resolved here through the region's KMS aliases and keys.
deny contains res if {
	some c in input.aws.redshift.clusters
	c.encryption.enabled.value == true
	decidable(key(c))
	not kms.is_customer_managed(key(c))
	res := result.new(sprintf("Redshift cluster '%s' is encrypted with the AWS managed key, not a customer managed one.", [name(c)]), object.get(c.encryption, "kmskeyid", c.encryption))
}

decidable(_) if input.aws.kms

decidable(ref) if startswith(ref, "alias/aws/")

decidable(ref) if contains(ref, ":alias/aws/")

decidable(ref) if ref == ""

not_evaluated contains reason if {
	not input.aws.kms
	some c in input.aws.redshift.clusters
	c.encryption.enabled.value == true
	not decidable(key(c))
	reason := sprintf("Redshift cluster '%s': KMS was not collected, so key %s cannot be told customer managed or AWS managed", [name(c), key(c)])
}

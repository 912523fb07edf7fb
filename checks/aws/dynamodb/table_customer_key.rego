# METADATA
# title: "DynamoDB tables are encrypted with a customer managed KMS key"
# description: >-
#   DynamoDB encrypts every table, by default with a key AWS owns, or with the AWS managed key
#   alias/aws/dynamodb. Only a customer managed key lets you restrict and audit who can decrypt the
#   table through its key policy, and disable the key to cut off access.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
# custom:
#   id: AVD-AWS-0025
#   avd_id: AVD-AWS-0025
#   provider: aws
#   impact: >-
#     With the AWS owned or AWS managed key, anyone allowed to read the table can decrypt it: the
#     key policy cannot be tightened, shared with chosen accounts, or disabled in an incident.
#   remediation:
#     console: >-
#       DynamoDB console > Tables > the table > Additional settings > Encryption: Manage
#       encryption > Stored in your account, and owned and managed by you: choose the customer
#       managed key.
#     cli: >-
#       aws dynamodb update-table --table-name TABLE --sse-specification
#       Enabled=true,SSEType=KMS,KMSMasterKeyId=arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_dynamodb_table: server_side_encryption { enabled = true, kms_key_arn = aws_kms_key.table.arn }
#   service: dynamodb
#   severity: LOW
#   short_code: table-customer-key
#   recommended_action: "Encrypt the table with a customer managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: dynamodb
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.dynamodb.aws0025

import rego.v1

import data.lib.aws.kms

key(table) := object.get(table, ["serversideencryption", "kmskeyid", "value"], "")

name(table) := object.get(table, ["name", "value"], "")

# The AWS owned key: no KMS key of the account at all.
deny contains res if {
	some table in input.aws.dynamodb.tables
	not table.serversideencryption.enabled.value == true
	res := result.new(sprintf("DynamoDB table '%s' is encrypted with the AWS owned key, not a customer managed KMS key.", [name(table)]), object.get(table, "serversideencryption", table))
}

# A KMS key that is (or resolves to) the AWS managed key. The API gives its key ARN, never the
# alias, so the alias alone (what Trivy compares) misses it; the KMS state of the region tells.
deny contains res if {
	some table in input.aws.dynamodb.tables
	table.serversideencryption.enabled.value == true
	decidable(key(table))
	not kms.is_customer_managed(key(table))
	res := result.new(sprintf("DynamoDB table '%s' is encrypted with the AWS managed key, not a customer managed one.", [name(table)]), object.get(table.serversideencryption, "kmskeyid", table.serversideencryption))
}

# Without the region's KMS state only an alias name can be told apart.
decidable(_) if input.aws.kms

decidable(ref) if startswith(ref, "alias/aws/")

decidable(ref) if ref == ""

not_evaluated contains reason if {
	not input.aws.kms
	some table in input.aws.dynamodb.tables
	table.serversideencryption.enabled.value == true
	not decidable(key(table))
	reason := sprintf("DynamoDB table '%s': KMS was not collected, so key %s cannot be told customer managed or AWS managed", [name(table), key(table)])
}

# METADATA
# title: "DynamoDB tables have deletion protection"
# description: >-
#   With deletion protection on, DeleteTable fails until someone turns the protection off first, so
#   a mistaken call, script or stack change cannot drop the table and its data.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection
# custom:
#   id: OSP-AWS-0161
#   avd_id: OSP-AWS-0161
#   provider: aws
#   impact: >-
#     A single DeleteTable call (a wrong account, a cleanup script, a stack deleted by mistake)
#     removes the table and every item in it.
#   remediation:
#     console: >-
#       DynamoDB console > Tables > the table > Additional settings > Deletion protection: Turn on.
#     cli: >-
#       aws dynamodb update-table --table-name TABLE --deletion-protection-enabled
#     terraform: >-
#       aws_dynamodb_table: deletion_protection_enabled = true
#   service: dynamodb
#   severity: MEDIUM
#   short_code: enable-deletion-protection
#   recommended_action: "Turn on deletion protection for the table."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: dynamodb
#             provider: aws
package builtin.aws.dynamodb.osp0161

import rego.v1

deny contains res if {
	some table in input.aws.dynamodb.tables
	table.deletionprotection.value == false
	res := result.new(sprintf("DynamoDB table '%s' has no deletion protection.", [object.get(table, ["name", "value"], "")]), table.deletionprotection)
}

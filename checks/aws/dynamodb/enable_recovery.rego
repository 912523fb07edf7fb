# METADATA
# title: "DynamoDB tables have point-in-time recovery enabled"
# description: >-
#   Point-in-time recovery keeps continuous backups of a table, so it can be restored to any
#   second of the recovery period (up to 35 days) after an accidental or malicious write or
#   delete.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery.html
# custom:
#   id: AVD-AWS-0024
#   avd_id: AVD-AWS-0024
#   provider: aws
#   impact: >-
#     Without point-in-time recovery a bad deployment, a script bug or an attacker with write
#     access can destroy or corrupt items with no way back beyond the last on-demand backup.
#   remediation:
#     console: >-
#       DynamoDB console > Tables > the table > Backups > Point-in-time recovery (PITR): Edit >
#       Turn on point-in-time recovery.
#     cli: >-
#       aws dynamodb update-continuous-backups --table-name TABLE
#       --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true
#     terraform: >-
#       aws_dynamodb_table: point_in_time_recovery { enabled = true }
#   service: dynamodb
#   severity: MEDIUM
#   short_code: enable-recovery
#   recommended_action: "Turn on point-in-time recovery for the table."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: dynamodb
#             provider: aws
package builtin.aws.dynamodb.aws0024

import rego.v1

# Tables only: DAX is a cache with no point-in-time recovery of its own (the table behind it has
# it), so judging DAX clusters by a field they cannot have would flag every one.
deny contains res if {
	some table in input.aws.dynamodb.tables
	not table.pointintimerecovery.value == true
	res := result.new(sprintf("DynamoDB table '%s' does not have point-in-time recovery enabled.", [object.get(table, ["name", "value"], "")]), object.get(table, "pointintimerecovery", table))
}

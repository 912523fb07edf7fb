# METADATA
# title: "Athena workgroups encrypt query results at rest"
# description: >-
#   Athena writes every query's results to S3. A workgroup without an encryption configuration
#   leaves that to each client, so results derived from protected data may land unencrypted.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html
# custom:
#   id: AVD-AWS-0006
#   avd_id: AVD-AWS-0006
#   provider: aws
#   impact: >-
#     Query results often hold the most sensitive slice of the data they were computed from; stored
#     unencrypted, they lose the protection the source data had.
#   remediation:
#     console: >-
#       Athena console > Workgroups > the workgroup > Edit > Query result configuration: Encrypt
#       query results (SSE_S3, SSE_KMS or CSE_KMS).
#     cli: >-
#       aws athena update-work-group --work-group NAME --configuration-updates
#       'ResultConfigurationUpdates={EncryptionConfiguration={EncryptionOption=SSE_KMS,KmsKey=KEY-ARN}}'
#     terraform: >-
#       aws_athena_workgroup: configuration { result_configuration { encryption_configuration {
#       encryption_option = "SSE_KMS", kms_key_arn = aws_kms_key.athena.arn } } }
#   service: athena
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Configure query result encryption on the workgroup."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: athena
#             provider: aws
package builtin.aws.athena.aws0006

import rego.v1

# Workgroups only: Athena (Glue) databases have no encryption setting in the API, so a database
# entry could only ever fail; osprey does not emit athena.databases.
deny contains res if {
	some wg in input.aws.athena.workgroups
	object.get(wg, ["encryption", "type", "value"], "") == ""
	res := result.new(sprintf("Athena workgroup '%s' does not encrypt its query results.", [object.get(wg, ["name", "value"], "")]), object.get(wg, "encryption", wg))
}

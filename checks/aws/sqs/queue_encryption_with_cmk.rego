# METADATA
# title: "SQS queues encrypted with KMS use a customer managed key"
# description: >-
#   A queue encrypted with the AWS managed key aws/sqs cannot have its key access restricted or
#   shared by your own key policy; a customer managed key can.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
# custom:
#   id: AVD-AWS-0135
#   avd_id: AVD-AWS-0135
#   provider: aws
#   impact: >-
#     With the AWS managed key, who can decrypt the messages is decided by the queue policy alone; a
#     customer managed key adds your own key policy and lets you disable access at once.
#   remediation:
#     console: >-
#       SQS console > the queue > Edit > Encryption: SSE-KMS with a customer managed key.
#     cli: >-
#       aws sqs set-queue-attributes --queue-url URL --attributes
#       KmsMasterKeyId=arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_sqs_queue: kms_master_key_id = aws_kms_key.sqs.arn
#   service: sqs
#   severity: HIGH
#   short_code: queue-encryption-use-cmk
#   recommended_action: "Encrypt the queue with a customer managed KMS key instead of aws/sqs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sqs
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.sqs.aws0135

import rego.v1

import data.lib.aws.kms

# The AWS managed key as alias/aws/sqs, its alias ARN, or a key ARN or id that the region's
# aliases and keys resolve to it (Trivy catches only the literal alias). SSE-SQS queues carry no
# key and are left to AVD-AWS-0096.
deny contains res if {
	some queue in input.aws.sqs.queues
	isManaged(queue)
	ref := object.get(queue, ["encryption", "kmskeyid", "value"], "")
	ref != ""
	not kms.is_customer_managed(ref)
	res := result.new(sprintf("SQS queue '%s' is encrypted with the AWS managed key, not a customer managed one.", [object.get(queue, ["arn", "value"], "")]), queue.encryption.kmskeyid)
}

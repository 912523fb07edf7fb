# METADATA
# title: "SQS queues are encrypted at rest"
# description: >-
#   A queue is encrypted at rest with SQS managed keys (SSE-SQS, the default for new queues) or with
#   a KMS key (SSE-KMS); a queue with neither stores messages unencrypted.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
# custom:
#   id: AVD-AWS-0096
#   avd_id: AVD-AWS-0096
#   provider: aws
#   impact: >-
#     Messages waiting in an unencrypted queue are stored in the clear.
#   remediation:
#     console: >-
#       SQS console > the queue > Edit > Encryption: Server-side encryption Enabled, with an Amazon
#       SQS key (SSE-SQS) or a KMS key.
#     cli: >-
#       aws sqs set-queue-attributes --queue-url URL --attributes SqsManagedSseEnabled=true
#     terraform: >-
#       aws_sqs_queue: sqs_managed_sse_enabled = true (or kms_master_key_id = aws_kms_key.sqs.arn)
#   service: sqs
#   severity: HIGH
#   short_code: enable-queue-encryption
#   recommended_action: "Enable server-side encryption on the queue (SSE-SQS or SSE-KMS)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sqs
#             provider: aws
package builtin.aws.sqs.aws0096

import rego.v1

# SqsManagedSseEnabled "true" is encryption (Trivy's adapter compares it with "SSE-SQS" and flags
# every SSE-SQS queue).
deny contains res if {
	some queue in input.aws.sqs.queues
	isManaged(queue)
	queue.encryption
	object.get(queue, ["encryption", "kmskeyid", "value"], "") == ""
	not queue.encryption.managedencryption.value
	res := result.new(sprintf("SQS queue '%s' is not encrypted.", [object.get(queue, ["arn", "value"], "")]), queue.encryption)
}

# METADATA
# title: "Buckets encrypt by default with a KMS key"
# description: >-
#   Default encryption with SSE-KMS or DSSE-KMS encrypts new objects with a KMS key, so reading them
#   also needs kms:Decrypt on that key and every use is logged in CloudTrail. Any KMS key satisfies
#   this check, the AWS managed aws/s3 key included; AVD-AWS-0132 asks for a customer managed key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
# custom:
#   id: OSP-AWS-0166
#   avd_id: OSP-AWS-0166
#   provider: aws
#   impact: >-
#     With S3-managed keys (SSE-S3) anyone allowed s3:GetObject reads the data; there is no second
#     permission on a key and no record of key use.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Default encryption > Edit: Server-side encryption with
#       AWS Key Management Service keys (SSE-KMS).
#     cli: >-
#       aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration '{"Rules"
#       :[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"},"BucketKeyEnabled":true}]}'
#     terraform: >-
#       aws_s3_bucket_server_side_encryption_configuration: rule {
#       apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } bucket_key_enabled = true
#       }
#   service: s3
#   severity: MEDIUM
#   short_code: enable-kms-encryption
#   recommended_action: "Set the bucket's default encryption to SSE-KMS."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.osp0166

import rego.v1

deny contains res if {
	some bucket in input.aws.s3.buckets
	is_boolean(bucket.encryption.enabled.value) # known: GetBucketEncryption answered
	not startswith(object.get(bucket.encryption, ["algorithm", "value"], ""), "aws:kms")
	res := result.new(sprintf("Bucket '%s' does not encrypt by default with a KMS key.", [object.get(bucket, ["name", "value"], "")]), bucket.encryption)
}

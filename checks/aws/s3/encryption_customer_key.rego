# METADATA
# title: "Buckets encrypt with a customer managed KMS key"
# description: >-
#   With a customer managed KMS key you decide who may decrypt the bucket's data, can audit every
#   use and can revoke access by disabling the key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
# custom:
#   id: AVD-AWS-0132
#   avd_id: AVD-AWS-0132
#   provider: aws
#   impact: >-
#     With a customer managed KMS key, reading the data needs kms:Decrypt on your key as well as S3
#     access, every use is logged in CloudTrail, and disabling the key cuts off access at once.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Default encryption > Edit: SSE-KMS, Choose from your
#       AWS KMS keys (a customer managed key), Bucket Key enabled.
#     cli: >-
#       aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration
#       '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"arn:aws:kms:REGION:ACCOUNT:key/KEY-ID"},"BucketKeyEnabled":true}]}'
#     terraform: >-
#       aws_s3_bucket_server_side_encryption_configuration: rule {
#       apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id =
#       aws_kms_key.s3.arn } }
#   service: s3
#   severity: HIGH
#   short_code: encryption-customer-key
#   recommended_action: "Set the bucket's default encryption to SSE-KMS with a customer managed key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0132

import rego.v1

has_cmk(bucket) if {
	startswith(bucket.encryption.algorithm.value, "aws:kms")
	bucket.encryption.kmskeyid.value != ""
}

deny contains res if {
	some bucket in input.aws.s3.buckets
	not has_cmk(bucket)
	res := result.new(sprintf("Bucket '%s' is not encrypted with a customer managed KMS key.", [bucket.name.value]), object.get(bucket, "encryption", bucket))
}

# METADATA
# title: "Buckets have default encryption"
# description: >-
#   Default encryption makes S3 encrypt every new object at rest even when the uploader does not ask
#   for it.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html
# custom:
#   id: AVD-AWS-0088
#   avd_id: AVD-AWS-0088
#   provider: aws
#   impact: >-
#     Default encryption makes S3 encrypt every new object at rest, whatever the uploader asked for.
#     (Since January 2023 S3 applies SSE-S3 to new objects anyway; this checks that the setting is
#     explicit, as CIS asks.)
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Default encryption > Edit: SSE-S3, or SSE-KMS with a
#       key, and Bucket Key enabled.
#     cli: >-
#       aws s3api put-bucket-encryption --bucket BUCKET --server-side-encryption-configuration
#       '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"},"BucketKeyEnabled":true}]}'
#     terraform: >-
#       aws_s3_bucket_server_side_encryption_configuration: rule {
#       apply_server_side_encryption_by_default { sse_algorithm = "aws:kms" } }
#   service: s3
#   severity: HIGH
#   short_code: enable-bucket-encryption
#   recommended_action: "Configure default encryption (SSE-S3 or SSE-KMS) on the bucket."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.1"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0088

import rego.v1

deny contains res if {
	some bucket in input.aws.s3.buckets
	not bucket.encryption.enabled.value == true
	res := result.new(sprintf("Bucket '%s' has no default encryption.", [bucket.name.value]), object.get(bucket, "encryption", bucket))
}

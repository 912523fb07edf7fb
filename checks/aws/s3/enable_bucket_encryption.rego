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

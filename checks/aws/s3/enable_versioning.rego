# METADATA
# title: "Buckets keep object versions"
# description: >-
#   Versioning keeps earlier versions of every object, so an overwrite or delete (by mistake or by
#   ransomware) can be undone.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html
# custom:
#   id: AVD-AWS-0090
#   avd_id: AVD-AWS-0090
#   provider: aws
#   impact: >-
#     Versioning keeps every version of an object, so an overwrite or delete (by mistake, a bad
#     deploy or ransomware) can be undone.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Bucket Versioning > Edit: Enable. Add a lifecycle
#       rule to expire old versions if storage cost matters.
#     cli: >-
#       aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration Status=Enabled
#     terraform: >-
#       aws_s3_bucket_versioning: versioning_configuration { status = "Enabled" }
#   service: s3
#   severity: MEDIUM
#   short_code: enable-versioning
#   recommended_action: "Enable versioning on the bucket."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0090

import rego.v1

deny contains res if {
	some bucket in input.aws.s3.buckets
	not bucket.versioning.enabled.value == true
	res := result.new(sprintf("Bucket '%s' does not have versioning enabled.", [bucket.name.value]), object.get(bucket, "versioning", bucket))
}

# METADATA
# title: "Buckets have server access logging"
# description: >-
#   Server access logs record every request made to a bucket, which is what an investigation needs
#   after data leaves it. Buckets that receive logs are exempt.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: AVD-AWS-0089
#   avd_id: AVD-AWS-0089
#   provider: aws
#   impact: >-
#     Server access logs record every request to the bucket (who, what, when, from where). Without
#     them, you cannot tell after an incident which objects were read or deleted.
#   remediation:
#     console: >-
#       S3 console > the bucket > Properties > Server access logging > Edit: Enable, destination a
#       separate log bucket (and a prefix).
#     cli: >-
#       aws s3api put-bucket-logging --bucket BUCKET --bucket-logging-status
#       '{"LoggingEnabled":{"TargetBucket":"LOG-BUCKET","TargetPrefix":"BUCKET/"}}'
#     terraform: >-
#       aws_s3_bucket_logging: bucket = aws_s3_bucket.app.id, target_bucket = aws_s3_bucket.logs.id,
#       target_prefix = "app/"
#   service: s3
#   severity: LOW
#   short_code: enable-logging
#   recommended_action: "Enable server access logging to a separate log bucket."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0089

import rego.v1

log_targets := {b.logging.targetbucket.value | some b in input.aws.s3.buckets; b.logging.enabled.value == true}

is_log_bucket(bucket) if bucket.name.value in log_targets

is_log_bucket(bucket) if bucket.acl.value == "log-delivery-write"

deny contains res if {
	some bucket in input.aws.s3.buckets
	not bucket.logging.enabled.value == true
	not is_log_bucket(bucket)
	res := result.new(sprintf("Bucket '%s' has no server access logging.", [bucket.name.value]), object.get(bucket, "logging", bucket))
}

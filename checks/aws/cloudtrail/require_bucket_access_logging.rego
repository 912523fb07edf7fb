# METADATA
# title: "The CloudTrail log bucket has access logging"
# description: >-
#   Server access logging on the bucket that stores CloudTrail logs records who read or tampered
#   with the audit trail itself.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html
# custom:
#   id: AVD-AWS-0163
#   avd_id: AVD-AWS-0163
#   provider: aws
#   impact: >-
#     Access logging on the trail's bucket records who read or deleted the audit logs themselves,
#     which is what you need when investigating whether an intruder covered their tracks.
#   remediation:
#     console: >-
#       S3 console > the trail's bucket > Properties > Server access logging > Edit: Enable, with a
#       different bucket as the destination.
#     cli: >-
#       aws s3api put-bucket-logging --bucket TRAIL-BUCKET --bucket-logging-status
#       '{"LoggingEnabled":{"TargetBucket":"LOG-BUCKET","TargetPrefix":"trail-bucket/"}}'
#     terraform: >-
#       aws_s3_bucket_logging: bucket = the trail bucket, target_bucket = the log bucket,
#       target_prefix = "trail-bucket/"
#   service: cloudtrail
#   severity: LOW
#   short_code: require-bucket-access-logging
#   recommended_action: "Enable server access logging on the trail's S3 bucket, to a different bucket."
#   frameworks:
#     cis-aws-1.2:
#       - "2.6"
#     cis-aws-1.4:
#       - "3.6"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudtrail
#             provider: aws
#           - service: s3
#             provider: aws
package builtin.aws.cloudtrail.aws0163

import rego.v1

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	some bucket in input.aws.s3.buckets
	bucket.name.value == trail.bucketname.value
	not bucket.logging.enabled.value == true
	res := result.new(sprintf("Bucket '%s' of trail '%s' has no server access logging.", [bucket.name.value, trail.name.value]), bucket)
}

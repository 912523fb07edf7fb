# METADATA
# title: "Buckets require MFA to delete versions"
# description: >-
#   MFA Delete makes permanently deleting an object version, or suspending versioning, require the
#   root user's MFA code, so stolen keys cannot erase history.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html
# custom:
#   id: AVD-AWS-0170
#   avd_id: AVD-AWS-0170
#   provider: aws
#   impact: >-
#     MFA Delete makes permanently deleting an object version, or turning versioning off, require
#     the root user's MFA code; stolen access keys alone cannot then destroy the bucket's history.
#   remediation:
#     console: >-
#       Not available in the console: with the root user's credentials and its MFA device, call
#       put-bucket-versioning with MFADelete=Enabled.
#     cli: >-
#       aws s3api put-bucket-versioning --bucket BUCKET --versioning-configuration
#       Status=Enabled,MFADelete=Enabled --mfa "arn:aws:iam::ACCOUNT:mfa/root-account-mfa-device
#       123456" # as the root user
#   service: s3
#   severity: LOW
#   short_code: require-mfa-delete
#   recommended_action: "Enable versioning with MFA Delete (root credentials and MFA needed: aws s3api put-bucket-versioning --mfa ...)."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.3"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0170

import rego.v1

deny contains res if {
	some bucket in input.aws.s3.buckets
	not bucket.versioning.mfadelete.value == true
	res := result.new(sprintf("Bucket '%s' does not require MFA to delete versions.", [bucket.name.value]), object.get(bucket, "versioning", bucket))
}

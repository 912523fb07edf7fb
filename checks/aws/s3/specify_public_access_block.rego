# METADATA
# title: "Every bucket is covered by a public access block"
# description: >-
#   A public access block is the switch that keeps ACLs and policies from exposing a bucket. A
#   bucket with no block of its own, in an account without one, relies on every future ACL and
#   policy being right.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AVD-AWS-0094
#   avd_id: AVD-AWS-0094
#   provider: aws
#   impact: >-
#     A public access block is the guard rail against making a bucket public by ACL or policy. A
#     bucket with none, in an account with none, relies on every person and tool never making that
#     mistake.
#   remediation:
#     console: >-
#       S3 console > Block Public Access settings for this account > Edit: turn all four settings on
#       (covers every bucket), or set them per bucket under the bucket's Permissions tab.
#     cli: >-
#       aws s3control put-public-access-block --account-id ACCOUNT
#       --public-access-block-configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_account_public_access_block (all four arguments = true), or
#       aws_s3_bucket_public_access_block per bucket
#   service: s3
#   severity: LOW
#   short_code: specify-public-access-block
#   recommended_action: "Add a public access block to the bucket, or one for the whole account."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0094

import rego.v1

account_block if input.aws.s3.accountpublicaccessblock.exists.value == true

deny contains res if {
	some bucket in input.aws.s3.buckets
	not bucket.publicaccessblock
	not account_block
	res := result.new(sprintf("Bucket '%s' has no public access block and the account has none either.", [bucket.name.value]), bucket)
}

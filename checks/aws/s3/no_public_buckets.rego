# METADATA
# title: "Public access block restricts public buckets"
# description: >-
#   With RestrictPublicBuckets set, a bucket whose policy is public can only be reached by AWS
#   services and principals of the owning account.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AVD-AWS-0093
#   avd_id: AVD-AWS-0093
#   provider: aws
#   impact: >-
#     Without RestrictPublicBuckets, a bucket whose policy is public stays readable by anyone; the
#     setting limits such a bucket to AWS service principals and the owner's account.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit: Block
#       public and cross-account access to buckets and objects through any public bucket or access
#       point policies. Or set it for the whole account.
#     cli: >-
#       aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_bucket_public_access_block: restrict_public_buckets = true (or
#       aws_s3_account_public_access_block)
#   service: s3
#   severity: HIGH
#   short_code: no-public-buckets
#   recommended_action: "Set RestrictPublicBuckets in the bucket's (or the account's) public access block."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.5"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0093

import rego.v1

# The account-level block applies to every bucket, so either level is enough.
blocked(bucket) if bucket.publicaccessblock.restrictpublicbuckets.value == true

blocked(_) if input.aws.s3.accountpublicaccessblock.restrictpublicbuckets.value == true

deny contains res if {
	some bucket in input.aws.s3.buckets
	not blocked(bucket)
	res := result.new(sprintf("Bucket '%s' does not set restrictpublicbuckets in a public access block (bucket or account).", [bucket.name.value]), bucket)
}

# METADATA
# title: "Public access block rejects public bucket policies"
# description: >-
#   With BlockPublicPolicy set, S3 refuses a bucket policy that grants public access, closing the
#   most common way buckets become public.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AVD-AWS-0087
#   avd_id: AVD-AWS-0087
#   provider: aws
#   impact: >-
#     Without BlockPublicPolicy, a bucket policy granting access to everyone ("Principal": "*") is
#     accepted, which is the most common way buckets become public.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit: Block
#       public access to buckets and objects granted through new public bucket or access point
#       policies. Or set it for the whole account.
#     cli: >-
#       aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_bucket_public_access_block: block_public_policy = true (or
#       aws_s3_account_public_access_block)
#   service: s3
#   severity: HIGH
#   short_code: block-public-policy
#   recommended_action: "Set BlockPublicPolicy in the bucket's (or the account's) public access block."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.5"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0087

import rego.v1

# The account-level block applies to every bucket, so either level is enough.
blocked(bucket) if bucket.publicaccessblock.blockpublicpolicy.value == true

blocked(_) if input.aws.s3.accountpublicaccessblock.blockpublicpolicy.value == true

deny contains res if {
	some bucket in input.aws.s3.buckets
	not blocked(bucket)
	res := result.new(sprintf("Bucket '%s' does not set blockpublicpolicy in a public access block (bucket or account).", [bucket.name.value]), bucket)
}

# METADATA
# title: "Public access block ignores public ACLs"
# description: >-
#   With IgnorePublicAcls set, S3 ignores any public ACL already on the bucket or its objects,
#   neutralising grants made before the block existed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AVD-AWS-0091
#   avd_id: AVD-AWS-0091
#   provider: aws
#   impact: >-
#     Without IgnorePublicAcls, public ACLs already on the bucket or its objects keep working;
#     blocking new public ACLs alone does not close the old ones.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit: Block
#       public access to buckets and objects granted through any access control lists (ACLs). Or set
#       it for the whole account.
#     cli: >-
#       aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_bucket_public_access_block: ignore_public_acls = true (or
#       aws_s3_account_public_access_block)
#   service: s3
#   severity: HIGH
#   short_code: ignore-public-acls
#   recommended_action: "Set IgnorePublicAcls in the bucket's (or the account's) public access block."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.5"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0091

import rego.v1

# The account-level block applies to every bucket, so either level is enough.
blocked(bucket) if bucket.publicaccessblock.ignorepublicacls.value == true

blocked(_) if input.aws.s3.accountpublicaccessblock.ignorepublicacls.value == true

deny contains res if {
	some bucket in input.aws.s3.buckets
	not blocked(bucket)
	res := result.new(sprintf("Bucket '%s' does not set ignorepublicacls in a public access block (bucket or account).", [bucket.name.value]), bucket)
}

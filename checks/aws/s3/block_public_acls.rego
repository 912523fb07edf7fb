# METADATA
# title: "Public access block rejects public ACLs"
# description: >-
#   With BlockPublicAcls set, S3 refuses requests that would add a public ACL to the bucket or its
#   objects, so nobody can open data to the world by accident.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html
# custom:
#   id: AVD-AWS-0086
#   avd_id: AVD-AWS-0086
#   provider: aws
#   impact: >-
#     Without BlockPublicAcls, anyone allowed to change a bucket or object ACL can make data public
#     with one call, by mistake or on purpose.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Block public access (bucket settings) > Edit: Block
#       public access to buckets and objects granted through new access control lists (ACLs). Or set
#       it once for the account under Block Public Access settings for this account.
#     cli: >-
#       aws s3api put-public-access-block --bucket BUCKET --public-access-block-configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_bucket_public_access_block: block_public_acls = true (or
#       aws_s3_account_public_access_block)
#   service: s3
#   severity: HIGH
#   short_code: block-public-acls
#   recommended_action: "Set BlockPublicAcls in the bucket's (or the account's) public access block."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.5"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0086

import rego.v1

# The account-level block applies to every bucket, so either level is enough.
blocked(bucket) if bucket.publicaccessblock.blockpublicacls.value == true

blocked(_) if input.aws.s3.accountpublicaccessblock.blockpublicacls.value == true

deny contains res if {
	some bucket in input.aws.s3.buckets
	not blocked(bucket)
	res := result.new(sprintf("Bucket '%s' does not set blockpublicacls in a public access block (bucket or account).", [bucket.name.value]), bucket)
}

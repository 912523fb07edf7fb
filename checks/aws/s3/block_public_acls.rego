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

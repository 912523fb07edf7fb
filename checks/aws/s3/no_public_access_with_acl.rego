# METADATA
# title: "No bucket is public through its ACL"
# description: >-
#   An ACL that grants AllUsers or AuthenticatedUsers (any AWS account) opens the bucket to the
#   internet unless a public access block ignores public ACLs.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
# custom:
#   id: AVD-AWS-0092
#   avd_id: AVD-AWS-0092
#   provider: aws
#   impact: >-
#     A public-read or public-read-write ACL lets anyone on the internet list or read (or write) the
#     bucket without signing in. Public buckets are among the most common causes of cloud data
#     leaks.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Access control list (ACL) > Edit: remove the grants
#       to Everyone and Authenticated users group; better, Object Ownership > Bucket owner enforced,
#       which turns ACLs off.
#     cli: >-
#       aws s3api put-bucket-acl --bucket BUCKET --acl private && aws s3api
#       put-bucket-ownership-controls --bucket BUCKET --ownership-controls
#       'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
#     terraform: >-
#       aws_s3_bucket_ownership_controls: rule { object_ownership = "BucketOwnerEnforced" } (and no
#       aws_s3_bucket_acl with a public acl)
#   service: s3
#   severity: HIGH
#   short_code: no-public-access-with-acl
#   recommended_action: "Remove public grants from the bucket ACL and set IgnorePublicAcls / BlockPublicAcls."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0092

import rego.v1

import data.lib.aws.s3

deny contains res if {
	some bucket in input.aws.s3.buckets
	s3.bucket_has_public_exposure_acl(bucket)
	res := result.new(sprintf("Bucket '%s' has a public canned ACL '%s'.", [bucket.name.value, bucket.acl.value]), bucket)
}

deny contains res if {
	some bucket in input.aws.s3.buckets
	not s3.bucket_has_public_exposure_acl(bucket)
	s3.bucket_has_public_grant(bucket)
	res := result.new(sprintf("Bucket '%s' grants access to all users in its ACL.", [bucket.name.value]), bucket)
}

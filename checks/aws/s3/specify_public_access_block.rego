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

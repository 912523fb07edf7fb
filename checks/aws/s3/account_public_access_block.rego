# METADATA
# title: "The account-level S3 public access block has all four settings on"
# description: >-
#   The account-level S3 Block Public Access settings apply to every bucket and access point of the
#   account, present and future. With all four on, no ACL or bucket policy can make data public,
#   whatever a single bucket's own settings say.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html
# custom:
#   id: OSP-AWS-0160
#   avd_id: OSP-AWS-0160
#   provider: aws
#   impact: >-
#     Without the account-wide block, one bucket created or reconfigured without its own block can be
#     opened to the internet by an ACL or a policy.
#   remediation:
#     console: >-
#       S3 console > Block Public Access settings for this account > Edit: turn on all four settings >
#       Save changes.
#     cli: >-
#       aws s3control put-public-access-block --account-id ACCOUNT-ID --public-access-block-
#       configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_account_public_access_block: block_public_acls = true, ignore_public_acls = true,
#       block_public_policy = true, restrict_public_buckets = true
#   service: s3
#   severity: MEDIUM
#   short_code: enable-account-public-access-block
#   recommended_action: "Turn on all four S3 Block Public Access settings at the account level."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.osp0160

import rego.v1

settings := ["blockpublicacls", "blockpublicpolicy", "ignorepublicacls", "restrictpublicbuckets"]

deny contains res if {
	block := input.aws.s3.accountpublicaccessblock
	not block.exists.value == true
	res := result.new("The account has no S3 public access block.", block)
}

deny contains res if {
	block := input.aws.s3.accountpublicaccessblock
	block.exists.value == true
	some name in settings
	not block[name].value == true
	res := result.new(sprintf("The account-level S3 public access block does not set %s.", [name]), object.get(block, name, block))
}

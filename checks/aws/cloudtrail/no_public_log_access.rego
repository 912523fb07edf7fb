# METADATA
# title: "The CloudTrail log bucket is not public"
# description: >-
#   CloudTrail logs map out your account: users, roles, resources and activity. CIS requires that
#   the bucket holding them grants nothing to AllUsers or AuthenticatedUsers and that its policy
#   does not allow Principal "*".
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
# custom:
#   id: AVD-AWS-0161
#   avd_id: AVD-AWS-0161
#   provider: aws
#   impact: >-
#     The trail's bucket holds the account's audit history. If it is public, anyone can read who did
#     what, which accounts and resources exist, and where the gaps are.
#   remediation:
#     console: >-
#       S3 console > the trail's bucket > Permissions: remove public grants from the ACL and public
#       statements from the bucket policy, then Block public access (bucket settings) > Edit > turn
#       all four settings on.
#     cli: >-
#       aws s3api put-public-access-block --bucket TRAIL-BUCKET --public-access-block-configuration
#       BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
#     terraform: >-
#       aws_s3_bucket_public_access_block for the trail bucket: all four block_* / ignore_* /
#       restrict_* arguments = true
#   service: cloudtrail
#   severity: CRITICAL
#   short_code: no-public-log-access
#   recommended_action: "Remove public ACL grants and public policy statements from the trail's bucket and turn on its public access block."
#   frameworks:
#     cis-aws-1.2:
#       - "2.3"
#     cis-aws-1.4:
#       - "3.3"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudtrail
#             provider: aws
#           - service: s3
#             provider: aws
package builtin.aws.cloudtrail.aws0161

import rego.v1

import data.lib.aws.s3
import data.lib.aws.iam

bucket_of(trail) := b if {
	some b in input.aws.s3.buckets
	b.name.value == trail.bucketname.value
}

policy_public(bucket) if {
	some policy in bucket.bucketpolicies
	some s in iam.statements(policy.document.value)
	s.Effect == "Allow"
	public_principal(s.Principal)
	not s.Condition
}

public_principal(p) if p == "*"

public_principal(p) if p.AWS == "*"

public_principal(p) if {
	is_array(p.AWS)
	"*" in p.AWS
}

policy_blocked(bucket) if bucket.publicaccessblock.restrictpublicbuckets.value == true

policy_blocked(_) if input.aws.s3.accountpublicaccessblock.restrictpublicbuckets.value == true

exposed(bucket) := "its ACL grants public access" if {
	s3.bucket_has_public_exposure_acl(bucket)
} else := "its ACL grants public access" if {
	s3.bucket_has_public_grant(bucket)
} else := "its policy allows Principal *" if {
	policy_public(bucket)
	not policy_blocked(bucket)
}

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	bucket := bucket_of(trail)
	why := exposed(bucket)
	res := result.new(sprintf("Bucket '%s' of trail '%s' is public: %s.", [bucket.name.value, trail.name.value, why]), bucket)
}

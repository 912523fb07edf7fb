# METADATA
# title: "Bucket policies deny requests not made over TLS"
# description: >-
#   S3 accepts plain HTTP unless the bucket policy refuses it. CIS asks for a Deny statement on
#   aws:SecureTransport false so data is never sent to or from the bucket unencrypted.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit
# custom:
#   id: OSP-AWS-0004
#   avd_id: OSP-AWS-0004
#   provider: aws
#   impact: >-
#     Without a policy that refuses plain HTTP, clients can send and receive the bucket's data
#     unencrypted, readable and changeable by anyone on the path.
#   remediation:
#     console: >-
#       S3 console > the bucket > Permissions > Bucket policy > Edit: add a statement with Effect
#       Deny, Principal *, Action s3:*, Resource the bucket and bucket/*, Condition Bool
#       aws:SecureTransport false.
#     cli: >-
#       aws s3api put-bucket-policy --bucket BUCKET --policy
#       '{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::BUCKET","arn:aws:s3:::BUCKET/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}'
#       # merge with any existing statements: put-bucket-policy replaces the policy
#     terraform: >-
#       aws_s3_bucket_policy with a statement { effect = "Deny", actions = ["s3:*"], principals {
#       type = "*", identifiers = ["*"] }, condition { test = "Bool", variable =
#       "aws:SecureTransport", values = ["false"] } }
#   service: s3
#   severity: MEDIUM
#   short_code: deny-http-requests
#   recommended_action: "Add a bucket policy statement: Effect Deny, Principal *, Action s3:*, Condition Bool aws:SecureTransport false."
#   frameworks:
#     cis-aws-1.4:
#       - "2.1.2"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.osp0004

import rego.v1

import data.lib.aws.iam

everyone(p) if p == "*"

everyone(p) if p.AWS == "*"

everyone(p) if {
	is_array(p.AWS)
	"*" in p.AWS
}

insecure_transport(s) if {
	some op, conds in s.Condition
	lower(op) in {"bool", "boolifexists"}
	some key, v in conds
	lower(key) == "aws:securetransport"
	lower(sprintf("%v", [v])) in {"false", "[\"false\"]", "[false]"}
}

denies_http(bucket) if {
	some policy in bucket.bucketpolicies
	some s in iam.statements(policy.document.value)
	s.Effect == "Deny"
	everyone(s.Principal)
	some a in s.Action
	a in {"*", "s3:*"}
	insecure_transport(s)
}

deny contains res if {
	some bucket in input.aws.s3.buckets
	not denies_http(bucket)
	res := result.new(sprintf("The policy of bucket '%s' does not deny requests without TLS.", [bucket.name.value]), bucket)
}

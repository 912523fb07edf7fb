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

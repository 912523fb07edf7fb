# METADATA
# title: "No policy grants s3:* on every bucket"
# description: >-
#   "s3:*" on all resources lets a principal read, overwrite, delete and re-permission every bucket
#   in the account. Grant the S3 actions and buckets that are needed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: AVD-AWS-0345
#   avd_id: AVD-AWS-0345
#   provider: aws
#   impact: >-
#     s3:* on every resource lets the holder read, overwrite and delete any bucket's data and change
#     bucket policies, including the buckets holding logs and backups.
#   remediation:
#     console: >-
#       IAM console > Policies > the policy > Edit: replace s3:* on "*" with the specific S3 actions
#       needed on the specific bucket ARNs (arn:aws:s3:::BUCKET and arn:aws:s3:::BUCKET/*).
#     cli: >-
#       aws iam create-policy-version --policy-arn POLICY-ARN --policy-document
#       file://scoped-s3.json --set-as-default
#     terraform: >-
#       aws_iam_policy_document: actions = ["s3:GetObject", ...], resources =
#       ["${aws_s3_bucket.app.arn}/*"]
#   service: iam
#   severity: HIGH
#   short_code: no-s3-full-access
#   recommended_action: "Replace s3:* on \"*\" with specific actions on specific bucket ARNs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0345

import rego.v1

import data.lib.aws.iam

allows_s3_full(doc) if {
	some s in iam.statements(doc)
	s.Effect == "Allow"
	some a in s.Action
	lower(a) == "s3:*"
	some r in s.Resource
	r in {"*", "arn:aws:s3:::*"}
}

deny contains res if {
	some policy in input.aws.iam.policies
	not policy.builtin.value == true
	allows_s3_full(policy.document.value)
	res := result.new(sprintf("Policy '%s' allows s3:* on all buckets.", [policy.name.value]), policy)
}

deny contains res if {
	some role in input.aws.iam.roles
	some policy in object.get(role, "policies", [])
	policy.inline.value == true
	allows_s3_full(policy.document.value)
	res := result.new(sprintf("Inline policy '%s' of role '%s' allows s3:* on all buckets.", [policy.name.value, role.name.value]), policy)
}

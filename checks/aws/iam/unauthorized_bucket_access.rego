# METADATA
# title: "No policy grants both s3:Get* and s3:Put* on every resource"
# description: >-
#   Reading and writing every object of every bucket is far more than most workloads need and
#   exposes buckets the principal was never meant to touch.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
# custom:
#   id: AVD-AWS-0346
#   avd_id: AVD-AWS-0346
#   provider: aws
#   impact: >-
#     Reading and writing every object in every bucket is enough to steal all S3 data or plant
#     malicious files; holders of such a policy are one compromise away from a full data breach.
#   remediation:
#     console: >-
#       IAM console > Policies > the policy > Edit: limit the s3:Get* and s3:Put* statements to the
#       bucket and object ARNs the workload uses.
#     cli: >-
#       aws iam create-policy-version --policy-arn POLICY-ARN --policy-document
#       file://scoped-s3.json --set-as-default
#     terraform: >-
#       aws_iam_policy_document: actions = ["s3:GetObject", "s3:PutObject"], resources =
#       ["${aws_s3_bucket.app.arn}/*"]
#   service: iam
#   severity: HIGH
#   short_code: unauthorized-bucket-access
#   recommended_action: "Limit s3:Get* and s3:Put* to the bucket ARNs the workload uses."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0346

import rego.v1

import data.lib.aws.iam

allows_get_and_put(doc) if {
	some s in iam.statements(doc)
	s.Effect == "Allow"
	"*" in s.Resource
	actions := {lower(a) | some a in s.Action}
	"s3:get*" in actions
	"s3:put*" in actions
}

deny contains res if {
	some policy in input.aws.iam.policies
	not policy.builtin.value == true
	allows_get_and_put(policy.document.value)
	res := result.new(sprintf("Policy '%s' allows s3:Get* and s3:Put* on all resources.", [policy.name.value]), policy)
}

deny contains res if {
	some role in input.aws.iam.roles
	some policy in object.get(role, "policies", [])
	policy.inline.value == true
	allows_get_and_put(policy.document.value)
	res := result.new(sprintf("Inline policy '%s' of role '%s' allows s3:Get* and s3:Put* on all resources.", [policy.name.value, role.name.value]), policy)
}

# METADATA
# title: "Macie is enabled in the region"
# description: >-
#   Amazon Macie discovers and classifies sensitive data (personal data, credentials, financial
#   data) in the region's S3 buckets and reports buckets that are public, unencrypted or shared
#   outside the account. A region where Macie is not enabled, or is paused, has none of that. AWS
#   Foundational Security Best Practices control Macie.1; evidence for CIS AWS Foundations 2.1.3 /
#   7.0 (manual).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/macie/latest/user/getting-started.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/macie-controls.html#macie-1
# custom:
#   id: OSP-AWS-0140
#   avd_id: OSP-AWS-0140
#   provider: aws
#   impact: >-
#     Sensitive data stored in S3 in the region is neither discovered nor watched: a bucket
#     holding personal data that becomes public raises no finding.
#   remediation:
#     console: >-
#       Macie console (in the region) > Get started > Enable Macie; for a paused account:
#       Settings > Resume Macie. Repeat in every region you use.
#     cli: >-
#       aws macie2 enable-macie --region REGION (a paused account: aws macie2 update-macie-
#       session --status ENABLED --region REGION)
#     terraform: >-
#       aws_macie2_account: status = "ENABLED" (one per region provider)
#   service: macie
#   severity: MEDIUM
#   short_code: enable-macie
#   recommended_action: "Enable Macie in the region (or resume it when paused)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: macie
#             provider: aws
package builtin.aws.macie.osp0140

import rego.v1

deny contains res if {
	s := input.aws.macie.session
	not s.enabled.value == true
	res := result.new(sprintf("Macie is not enabled in this region (status %s).", [object.get(s, ["status", "value"], "unknown")]), s)
}

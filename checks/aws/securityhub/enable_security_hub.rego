# METADATA
# title: "Security Hub is enabled in the region"
# description: >-
#   AWS Security Hub gathers the findings of GuardDuty, Inspector, Macie, IAM Access Analyzer,
#   Config and its own security standards in one place per region. CIS asks for it in every region
#   the account uses.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html
# custom:
#   id: OSP-AWS-0030
#   avd_id: OSP-AWS-0030
#   provider: aws
#   impact: >-
#     Without Security Hub the region's findings stay scattered across services and accounts:
#     nobody sees them ranked in one place, and the automated checks of its security standards
#     never run there.
#   remediation:
#     console: >-
#       Security Hub console (in the region) > Go to Security Hub > Enable Security Hub (with
#       AWS Config recording, which its controls need). In an organization, let the delegated
#       administrator enable it for every account and region.
#     cli: >-
#       aws securityhub enable-security-hub --region REGION --enable-default-standards
#     terraform: >-
#       aws_securityhub_account (one per region provider), optionally
#       aws_securityhub_standards_subscription for the standards to run
#   service: securityhub
#   severity: MEDIUM
#   short_code: enable-security-hub
#   recommended_action: "Enable Security Hub in every region the account uses."
#   frameworks:
#     cis-aws-2.0:
#       - "4.16"
#     cis-aws-3.0:
#       - "4.16"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: securityhub
#             provider: aws
package builtin.aws.securityhub.osp0030

import rego.v1

import data.lib.osprey

deny contains res if {
	hub := input.aws.securityhub.hub
	not hub.enabled.value == true
	res := result.new(sprintf("Security Hub is not enabled in %s.", [osprey.region]), hub)
}

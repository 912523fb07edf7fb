# METADATA
# title: "GuardDuty is enabled in every region"
# description: >-
#   GuardDuty analyses CloudTrail, VPC flow log and DNS events of the region for threats
#   (compromised credentials, crypto mining, reconnaissance). A region without an enabled detector
#   is not watched. AWS Foundational Security Best Practices control GuardDuty.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/guardduty-controls.html#guardduty-1
# custom:
#   id: OSP-AWS-0060
#   avd_id: OSP-AWS-0060
#   provider: aws
#   impact: >-
#     Without an enabled detector, compromised credentials, instances talking to known malicious
#     hosts and unusual API activity in the region raise no finding at all.
#   remediation:
#     console: >-
#       GuardDuty console (in the region) > Get started > Enable GuardDuty; for a suspended detector:
#       Settings > Suspend GuardDuty > Enable. Repeat in every region you use.
#     cli: >-
#       aws guardduty create-detector --enable --region REGION (or, for a suspended detector:
#       aws guardduty update-detector --detector-id ID --enable --region REGION)
#     terraform: >-
#       aws_guardduty_detector: enable = true (one per region provider)
#   service: guardduty
#   severity: HIGH
#   short_code: enable-guardduty
#   recommended_action: "Enable a GuardDuty detector in the region."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: guardduty
#             provider: aws
package builtin.aws.guardduty.osp0060

import rego.v1

import data.lib.osprey

enabled if {
	some d in input.aws.guardduty.detectors
	d.enabled.value == true
}

deny contains res if {
	input.aws.guardduty
	count(object.get(input.aws.guardduty, "detectors", [])) == 0
	res := result.new("GuardDuty has no detector in this region.", osprey.cause(osprey.account_arn("guardduty", osprey.region, "detector/*")))
}

deny contains res if {
	some d in input.aws.guardduty.detectors
	not enabled
	res := result.new(sprintf("GuardDuty detector '%s' is not enabled (status %s).", [object.get(d, ["id", "value"], "?"), object.get(d, ["status", "value"], "unknown")]), d)
}

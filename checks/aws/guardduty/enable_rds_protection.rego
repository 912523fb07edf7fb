# METADATA
# title: "GuardDuty RDS Protection is on"
# description: >-
#   GuardDuty RDS Protection analyses login activity on Aurora and RDS databases for threats such as
#   access from known malicious addresses or unusual behaviour. It is a plan of an enabled detector;
#   a region without an enabled detector is OSP-AWS-0060's finding.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html
# custom:
#   id: OSP-AWS-0168
#   avd_id: OSP-AWS-0168
#   provider: aws
#   impact: >-
#     Threats GuardDuty would have reported from login activity on Aurora and RDS databases go
#     unnoticed.
#   remediation:
#     console: >-
#       GuardDuty console > Protection plans > RDS Protection > Edit: Enable.
#     cli: >-
#       aws guardduty update-detector --detector-id DETECTOR --features
#       Name=RDS_LOGIN_EVENTS,Status=ENABLED
#     terraform: >-
#       aws_guardduty_detector_feature: detector_id = aws_guardduty_detector.d.id, name =
#       "RDS_LOGIN_EVENTS", status = "ENABLED"
#   service: guardduty
#   severity: HIGH
#   short_code: enable-rds-protection
#   recommended_action: "Turn on GuardDuty RDS Protection for the detector."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: guardduty
#             provider: aws
package builtin.aws.guardduty.osp0168

import rego.v1

deny contains res if {
	some detector in input.aws.guardduty.detectors
	detector.enabled.value == true
	some feature in detector.features
	feature.name.value == "RDS_LOGIN_EVENTS"
	feature.status.value != "ENABLED"
	res := result.new(sprintf("GuardDuty detector '%s' does not have RDS Protection on.", [object.get(detector, ["id", "value"], "")]), feature.status)
}

# An enabled detector that lists its plans without this one does not have it.
deny contains res if {
	some detector in input.aws.guardduty.detectors
	detector.enabled.value == true
	count(object.get(detector, "features", [])) > 0
	not has_feature(detector)
	res := result.new(sprintf("GuardDuty detector '%s' does not have RDS Protection on.", [object.get(detector, ["id", "value"], "")]), detector)
}

has_feature(detector) if {
	some feature in detector.features
	feature.name.value == "RDS_LOGIN_EVENTS"
}

# METADATA
# title: "GuardDuty S3 Protection is on"
# description: >-
#   GuardDuty S3 Protection analyses S3 data events (object reads, writes and deletes) for threats
#   such as access from known malicious addresses or unusual behaviour. It is a plan of an enabled
#   detector; a region without an enabled detector is OSP-AWS-0060's finding.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/guardduty/latest/ug/guardduty-features-activation-model.html
# custom:
#   id: OSP-AWS-0169
#   avd_id: OSP-AWS-0169
#   provider: aws
#   impact: >-
#     Threats GuardDuty would have reported from S3 data events (object reads, writes and deletes) go
#     unnoticed.
#   remediation:
#     console: >-
#       GuardDuty console > Protection plans > S3 Protection > Edit: Enable.
#     cli: >-
#       aws guardduty update-detector --detector-id DETECTOR --features
#       Name=S3_DATA_EVENTS,Status=ENABLED
#     terraform: >-
#       aws_guardduty_detector_feature: detector_id = aws_guardduty_detector.d.id, name =
#       "S3_DATA_EVENTS", status = "ENABLED"
#   service: guardduty
#   severity: HIGH
#   short_code: enable-s3-protection
#   recommended_action: "Turn on GuardDuty S3 Protection for the detector."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: guardduty
#             provider: aws
package builtin.aws.guardduty.osp0169

import rego.v1

deny contains res if {
	some detector in input.aws.guardduty.detectors
	detector.enabled.value == true
	some feature in detector.features
	feature.name.value == "S3_DATA_EVENTS"
	feature.status.value != "ENABLED"
	res := result.new(sprintf("GuardDuty detector '%s' does not have S3 Protection on.", [object.get(detector, ["id", "value"], "")]), feature.status)
}

# An enabled detector that lists its plans without this one does not have it.
deny contains res if {
	some detector in input.aws.guardduty.detectors
	detector.enabled.value == true
	count(object.get(detector, "features", [])) > 0
	not has_feature(detector)
	res := result.new(sprintf("GuardDuty detector '%s' does not have S3 Protection on.", [object.get(detector, ["id", "value"], "")]), detector)
}

has_feature(detector) if {
	some feature in detector.features
	feature.name.value == "S3_DATA_EVENTS"
}

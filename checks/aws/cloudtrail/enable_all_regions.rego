# METADATA
# title: "A multi-region trail records all management events"
# description: >-
#   Without a trail that covers every region, API activity in a region you do not use (a favourite
#   place to hide resources) is never recorded. CIS asks for at least one multi-region trail that is
#   logging and records read and write management events.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html
# custom:
#   id: AVD-AWS-0014
#   avd_id: AVD-AWS-0014
#   provider: aws
#   impact: >-
#     CloudTrail is the record of who did what in the account. A trail limited to one region, or to
#     some event types, leaves activity in the other regions unrecorded: an attacker can work where
#     nobody logs.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > General details > Edit: Apply trail to all regions
#       (or create a trail, which is multi-region by default); Management events: Read and Write;
#       make sure logging is on.
#     cli: >-
#       aws cloudtrail update-trail --name TRAIL --is-multi-region-trail && aws cloudtrail
#       put-event-selectors --trail-name TRAIL --event-selectors
#       '[{"ReadWriteType":"All","IncludeManagementEvents":true}]' && aws cloudtrail start-logging
#       --name TRAIL
#     terraform: >-
#       aws_cloudtrail: is_multi_region_trail = true, enable_logging = true, event_selector {
#       read_write_type = "All", include_management_events = true }
#   service: cloudtrail
#   severity: MEDIUM
#   short_code: enable-all-regions
#   recommended_action: "Create a multi-region trail (or turn an existing one multi-region), start logging, and record All management events."
#   frameworks:
#     cis-aws-1.2:
#       - "2.1"
#     cis-aws-1.4:
#       - "3.1"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudtrail
#             provider: aws
package builtin.aws.cloudtrail.aws0014

import rego.v1

import data.lib.osprey

records_all_management(trail) if {
	some sel in trail.eventselectors
	sel.readwritetype.value == "All"
	object.get(sel, ["includemanagementevents", "value"], true) == true
}

# No selectors configured at all: AWS's default, all management events.
records_all_management(trail) if {
	count(object.get(trail, "eventselectors", [])) == 0
	count(object.get(trail, "advancedeventselectors", [])) == 0
}

# Advanced selectors: a Management selector without a readOnly filter.
records_all_management(trail) if {
	some sel in trail.advancedeventselectors
	some fs in sel.fieldselectors
	fs.field.value == "eventCategory"
	some v in fs.equals
	v.value == "Management"
	not has_readonly_filter(sel)
}

has_readonly_filter(sel) if {
	some fs in sel.fieldselectors
	fs.field.value == "readOnly"
}

compliant if {
	some trail in input.aws.cloudtrail.trails
	trail.ismultiregion.value == true
	trail.islogging.value == true
	records_all_management(trail)
}

deny contains res if {
	input.aws.cloudtrail
	not compliant
	msg := "No multi-region CloudTrail trail is logging all (read and write) management events."
	res := result.new(msg, osprey.cause(osprey.account_arn("cloudtrail", "", "trail/*")))
}

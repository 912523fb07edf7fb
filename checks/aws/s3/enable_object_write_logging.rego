# METADATA
# title: "S3 object-level write events are logged"
# description: >-
#   Management events do not show who wrote or deleted objects. CIS asks for a multi-region trail
#   recording S3 data events (write or all) for every bucket.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
# custom:
#   id: AVD-AWS-0171
#   avd_id: AVD-AWS-0171
#   provider: aws
#   impact: >-
#     Management events do not record object uploads, overwrites or deletions. Without S3 data
#     events for writes, tampering with or destroying data in a bucket leaves no trace in
#     CloudTrail.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > a multi-region trail > Data events > Edit: add S3, log all
#       current and future buckets (or this bucket), Write events.
#     cli: >-
#       aws cloudtrail put-event-selectors --trail-name TRAIL --event-selectors
#       '[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[{"Type":"AWS::S3::Object","Values":["arn:aws:s3"]}]}]'
#     terraform: >-
#       aws_cloudtrail: event_selector { read_write_type = "All", data_resource { type =
#       "AWS::S3::Object", values = ["arn:aws:s3"] } }
#   service: s3
#   severity: LOW
#   short_code: enable-object-write-logging
#   recommended_action: "Add an S3 data event selector (WriteOnly or All) for all buckets, or this bucket, to a multi-region trail."
#   frameworks:
#     cis-aws-1.4:
#       - "3.10"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
#           - service: cloudtrail
#             provider: aws
package builtin.aws.s3.aws0171

import rego.v1

rw_ok(t) if t in {"All", "WriteOnly"}

arn_covers(values, bucket) if {
	some v in values
	v.value in {"arn:aws:s3", "arn:aws:s3:::"}
}

arn_covers(values, bucket) if {
	some v in values
	startswith(v.value, sprintf("arn:aws:s3:::%s/", [bucket.name.value]))
}

covered(trail, bucket) if {
	some sel in trail.eventselectors
	rw_ok(sel.readwritetype.value)
	some dr in sel.dataresources
	dr.type.value == "AWS::S3::Object"
	arn_covers(dr.values, bucket)
}

covered(trail, bucket) if {
	some sel in trail.advancedeventselectors
	field_is(sel, "resources.type", "AWS::S3::Object")
	not field_excludes_readonly(sel)
	adv_arn_ok(sel, bucket)
}

field_is(sel, field, want) if {
	some fs in sel.fieldselectors
	fs.field.value == field
	some v in fs.equals
	v.value == want
}

# A readOnly selector that keeps only the other kind of event.
field_excludes_readonly(sel) if {
	some fs in sel.fieldselectors
	fs.field.value == "readOnly"
	not some_equals(fs, "false")
}

some_equals(fs, want) if {
	some v in fs.equals
	v.value == want
}

adv_arn_ok(sel, _) if {
	not some_field(sel, "resources.ARN")
}

adv_arn_ok(sel, bucket) if {
	some fs in sel.fieldselectors
	fs.field.value == "resources.ARN"
	arn_covers(object.get(fs, "equals", []), bucket)
}

some_field(sel, field) if {
	some fs in sel.fieldselectors
	fs.field.value == field
}

logged(bucket) if {
	some trail in input.aws.cloudtrail.trails
	trail.ismultiregion.value == true
	trail.islogging.value == true
	covered(trail, bucket)
}

deny contains res if {
	input.aws.cloudtrail
	some bucket in input.aws.s3.buckets
	not logged(bucket)
	res := result.new(sprintf("No multi-region trail logs S3 object-level write events for bucket '%s'.", [bucket.name.value]), bucket)
}

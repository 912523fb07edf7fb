# METADATA
# title: "Trails validate their log files"
# description: >-
#   Log file validation makes CloudTrail sign a digest of every log file, so any later edit or
#   deletion of the logs can be detected.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html
# custom:
#   id: AVD-AWS-0016
#   avd_id: AVD-AWS-0016
#   provider: aws
#   impact: >-
#     Log file validation writes signed digest files, so you can prove that delivered logs were not
#     changed or deleted afterwards. Without it, an intruder with bucket access can edit the
#     evidence unnoticed.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > General details > Edit > Additional settings: Log
#       file validation: Enabled.
#     cli: >-
#       aws cloudtrail update-trail --name TRAIL --enable-log-file-validation
#     terraform: >-
#       aws_cloudtrail: enable_log_file_validation = true
#   service: cloudtrail
#   severity: HIGH
#   short_code: enable-log-validation
#   recommended_action: "Enable log file validation on the trail."
#   frameworks:
#     cis-aws-1.2:
#       - "2.2"
#     cis-aws-1.4:
#       - "3.2"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudtrail
#             provider: aws
package builtin.aws.cloudtrail.aws0016

import rego.v1

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	not trail.enablelogfilevalidation.value == true
	res := result.new(sprintf("Trail '%s' does not validate its log files.", [trail.name.value]), trail)
}

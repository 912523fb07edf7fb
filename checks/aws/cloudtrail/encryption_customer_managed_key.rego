# METADATA
# title: "Trails encrypt logs with a KMS key"
# description: >-
#   SSE-KMS encryption of CloudTrail logs adds a second gate: reading the logs needs kms:Decrypt on
#   your key as well as access to the bucket.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
# custom:
#   id: AVD-AWS-0015
#   avd_id: AVD-AWS-0015
#   provider: aws
#   impact: >-
#     Trail logs describe the whole account's activity. Encrypting them with your own KMS key adds a
#     second permission (kms:Decrypt) to read them, and key usage is itself logged.
#   remediation:
#     console: >-
#       CloudTrail console > Trails > the trail > General details > Edit: Log file SSE-KMS
#       encryption: Enabled, with a new or existing customer managed key whose policy lets
#       CloudTrail use it.
#     cli: >-
#       aws cloudtrail update-trail --name TRAIL --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_cloudtrail: kms_key_id = aws_kms_key.trail.arn
#   service: cloudtrail
#   severity: HIGH
#   short_code: encryption-customer-managed-key
#   recommended_action: "Configure the trail to encrypt log files with a customer managed KMS key."
#   frameworks:
#     cis-aws-1.2:
#       - "2.7"
#     cis-aws-1.4:
#       - "3.7"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudtrail
#             provider: aws
package builtin.aws.cloudtrail.aws0015

import rego.v1

deny contains res if {
	some trail in input.aws.cloudtrail.trails
	object.get(trail, ["kmskeyid", "value"], "") == ""
	res := result.new(sprintf("Trail '%s' does not encrypt its logs with a KMS key.", [trail.name.value]), trail)
}

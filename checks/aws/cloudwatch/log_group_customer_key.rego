# METADATA
# title: "Log groups are encrypted with a customer managed KMS key"
# description: >-
#   CloudWatch Logs encrypts log data with a service key by default. A customer managed key lets you
#   control and audit who can read logs that may hold sensitive data.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
# custom:
#   id: AVD-AWS-0017
#   avd_id: AVD-AWS-0017
#   provider: aws
#   service: cloudwatch
#   severity: LOW
#   short_code: log-group-customer-key
#   recommended_action: "Associate a customer managed KMS key with the log group (aws logs associate-kms-key)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: cloudwatch
#             provider: aws
package builtin.aws.cloudwatch.aws0017

import rego.v1

deny contains res if {
	some lg in input.aws.cloudwatch.loggroups
	object.get(lg, ["kmskeyid", "value"], "") == ""
	res := result.new(sprintf("Log group '%s' is not encrypted with a customer managed key.", [lg.name.value]), lg)
}

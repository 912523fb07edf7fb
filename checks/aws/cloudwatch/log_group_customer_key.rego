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
#   impact: >-
#     Log groups often hold request data, tokens or personal data that applications printed. With a
#     customer managed key, reading them needs kms:Decrypt on your key as well, you control the key
#     policy, and you can revoke access by disabling the key.
#   remediation:
#     console: >-
#       CloudWatch console > Log groups > the group > Actions > Edit: KMS key ARN (the key policy
#       must allow the logs.REGION.amazonaws.com service principal).
#     cli: >-
#       aws logs associate-kms-key --log-group-name GROUP --kms-key-id
#       arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_cloudwatch_log_group: kms_key_id = aws_kms_key.logs.arn
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

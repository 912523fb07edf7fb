# METADATA
# title: "SNS topics are encrypted with a customer managed key"
# description: >-
#   The AWS managed key alias/aws/sns cannot be shared with other accounts or restricted by your own
#   key policy; a customer managed key can.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
# custom:
#   id: AVD-AWS-0136
#   avd_id: AVD-AWS-0136
#   provider: aws
#   impact: >-
#     The AWS managed key alias/aws/sns cannot be shared with other accounts or restricted by your
#     own key policy. A customer managed key lets you control who can decrypt the messages and audit
#     every use.
#   remediation:
#     console: >-
#       SNS console > Topics > the topic > Edit > Encryption: choose a customer managed KMS key (its
#       key policy must allow the publishing services and sns.amazonaws.com).
#     cli: >-
#       aws sns set-topic-attributes --topic-arn TOPIC-ARN --attribute-name KmsMasterKeyId
#       --attribute-value arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_sns_topic: kms_master_key_id = aws_kms_key.sns.arn
#   service: sns
#   severity: HIGH
#   short_code: topic-encryption-use-cmk
#   recommended_action: "Encrypt the topic with a customer managed KMS key instead of alias/aws/sns."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sns
#             provider: aws
package builtin.aws.sns.aws0136

import rego.v1

deny contains res if {
	some topic in input.aws.sns.topics
	topic.encryption.kmskeyid.value == "alias/aws/sns"
	res := result.new(sprintf("SNS topic '%s' uses the AWS managed key alias/aws/sns.", [topic.arn.value]), topic)
}

# METADATA
# title: "SNS topics are encrypted at rest"
# description: >-
#   Messages published to an unencrypted topic are stored in the clear until delivered.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
# custom:
#   id: AVD-AWS-0095
#   avd_id: AVD-AWS-0095
#   provider: aws
#   impact: >-
#     Messages published to an unencrypted topic are stored in plain text until delivered; with
#     server-side encryption they are encrypted with a KMS key at rest.
#   remediation:
#     console: >-
#       SNS console > Topics > the topic > Edit > Encryption: Enable encryption, with a KMS key (the
#       key policy must let publishers and SNS use it).
#     cli: >-
#       aws sns set-topic-attributes --topic-arn TOPIC-ARN --attribute-name KmsMasterKeyId
#       --attribute-value alias/aws/sns
#     terraform: >-
#       aws_sns_topic: kms_master_key_id = "alias/aws/sns" (or a customer managed key)
#   service: sns
#   severity: HIGH
#   short_code: enable-topic-encryption
#   recommended_action: "Enable server-side encryption on the topic with a KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sns
#             provider: aws
package builtin.aws.sns.aws0095

import rego.v1

deny contains res if {
	some topic in input.aws.sns.topics
	object.get(topic, ["encryption", "kmskeyid", "value"], "") == ""
	res := result.new(sprintf("SNS topic '%s' is not encrypted.", [topic.arn.value]), topic)
}

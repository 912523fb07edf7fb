# METADATA
# title: "Kinesis data streams are encrypted at rest"
# description: >-
#   Server-side encryption encrypts records with a KMS key before Kinesis writes them to storage.
#   Any KMS key satisfies this check, the AWS managed aws/kinesis key included; AVD-AWS-0064 asks
#   for a customer managed key.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html
# custom:
#   id: OSP-AWS-0163
#   avd_id: OSP-AWS-0163
#   provider: aws
#   impact: >-
#     Records of an unencrypted stream sit in Kinesis storage in clear text for the whole retention
#     period.
#   remediation:
#     console: >-
#       Kinesis console > Data streams > the stream > Configuration > Encryption > Edit: Enable server-
#       side encryption with a KMS key.
#     cli: >-
#       aws kinesis start-stream-encryption --stream-name STREAM --encryption-type KMS --key-id
#       alias/aws/kinesis
#     terraform: >-
#       aws_kinesis_stream: encryption_type = "KMS", kms_key_id = "alias/aws/kinesis" (or a customer
#       managed key)
#   service: kinesis
#   severity: MEDIUM
#   short_code: enable-at-rest-encryption
#   recommended_action: "Turn on server-side encryption with a KMS key for the stream."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: kinesis
#             provider: aws
package builtin.aws.kinesis.osp0163

import rego.v1

deny contains res if {
	some stream in input.aws.kinesis.streams
	not upper(object.get(stream, ["encryption", "type", "value"], "")) == "KMS"
	res := result.new(sprintf("Kinesis stream '%s' is not encrypted at rest.", [object.get(stream, ["name", "value"], "")]), object.get(stream, "encryption", stream))
}

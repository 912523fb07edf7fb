# METADATA
# title: "Kinesis streams are encrypted with a customer managed KMS key"
# description: >-
#   Kinesis Data Streams encrypts records at rest only when server-side encryption with KMS is on.
#   The AWS managed key alias/aws/kinesis encrypts, but its key policy cannot be restricted or
#   audited like a customer managed key's.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
# custom:
#   id: AVD-AWS-0064
#   avd_id: AVD-AWS-0064
#   provider: aws
#   impact: >-
#     Unencrypted records sit in clear in the stream's storage for the whole retention period; with
#     the AWS managed key, anyone allowed to read the stream can decrypt it and the key cannot be
#     disabled to cut off access.
#   remediation:
#     console: >-
#       Kinesis console > Data streams > the stream > Configuration > Encryption: Edit > Enable
#       server-side encryption with a customer managed KMS key.
#     cli: >-
#       aws kinesis start-stream-encryption --stream-name STREAM --encryption-type KMS
#       --key-id arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_kinesis_stream: encryption_type = "KMS", kms_key_id = aws_kms_key.stream.arn
#   service: kinesis
#   severity: HIGH
#   short_code: enable-in-transit-encryption
#   recommended_action: "Turn on server-side encryption with a customer managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: kinesis
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.kinesis.aws0064

import rego.v1

import data.lib.aws.kms

name(s) := object.get(s, ["name", "value"], "")

key(s) := object.get(s, ["encryption", "kmskeyid", "value"], "")

deny contains res if {
	some s in input.aws.kinesis.streams
	not s.encryption.type.value == "KMS"
	res := result.new(sprintf("Kinesis stream '%s' is not encrypted.", [name(s)]), object.get(s, "encryption", s))
}

# Trivy fails only an empty key, so alias/aws/kinesis passes there; the AWS managed key is resolved
# here through the region's KMS aliases and keys, whatever form the stream names it in.
deny contains res if {
	some s in input.aws.kinesis.streams
	s.encryption.type.value == "KMS"
	decidable(key(s))
	not kms.is_customer_managed(key(s))
	res := result.new(sprintf("Kinesis stream '%s' is encrypted with the AWS managed key, not a customer managed one.", [name(s)]), object.get(s.encryption, "kmskeyid", s.encryption))
}

decidable(_) if input.aws.kms

decidable(ref) if startswith(ref, "alias/aws/")

decidable(ref) if contains(ref, ":alias/aws/")

decidable(ref) if ref == ""

not_evaluated contains reason if {
	not input.aws.kms
	some s in input.aws.kinesis.streams
	s.encryption.type.value == "KMS"
	not decidable(key(s))
	reason := sprintf("Kinesis stream '%s': KMS was not collected, so key %s cannot be told customer managed or AWS managed", [name(s), key(s)])
}

# METADATA
# title: "EBS volumes are encrypted"
# description: >-
#   An unencrypted EBS volume, and every snapshot made from it, exposes its data to anyone who can
#   copy or share the snapshot.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: AVD-AWS-0026
#   avd_id: AVD-AWS-0026
#   provider: aws
#   impact: >-
#     Data on an unencrypted volume, and on every snapshot taken from it, is readable by whoever
#     gets the snapshot: a snapshot shared or made public by mistake is a full data leak.
#   remediation:
#     console: >-
#       Volumes cannot be encrypted in place: EC2 console > Snapshots > Create snapshot of the
#       volume, then Copy snapshot with Encrypt this snapshot, create a volume from the copy, and
#       swap it in for the old one. Then turn on EBS encryption by default.
#     cli: >-
#       aws ec2 copy-snapshot --source-region REGION --source-snapshot-id SNAP-ID --encrypted
#       --kms-key-id alias/aws/ebs
#     terraform: >-
#       aws_ebs_volume: encrypted = true
#   service: ec2
#   severity: HIGH
#   short_code: enable-volume-encryption
#   recommended_action: "Create an encrypted copy of the volume (via an encrypted snapshot) and replace the volume; turn on EBS encryption by default."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0026

import rego.v1

deny contains res if {
	some volume in input.aws.ec2.volumes
	not volume.encryption.enabled.value == true
	res := result.new(sprintf("EBS volume '%s' is not encrypted.", [object.get(volume, ["id", "value"], "?")]), volume)
}

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

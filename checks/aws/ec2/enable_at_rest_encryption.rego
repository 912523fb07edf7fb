# METADATA
# title: "Instance block devices are encrypted"
# description: >-
#   An instance whose root or data volume is unencrypted keeps its disk contents, and those of its
#   snapshots and AMIs, in the clear.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: AVD-AWS-0131
#   avd_id: AVD-AWS-0131
#   provider: aws
#   impact: >-
#     An unencrypted volume's data can be read from snapshots shared by mistake, or from the
#     underlying storage, without any KMS permission in the way.
#   remediation:
#     console: >-
#       Existing devices cannot be encrypted in place: stop the instance, snapshot each unencrypted
#       volume, copy the snapshot with encryption, create volumes from it and swap them in. EC2
#       console > Settings > EBS encryption: Always encrypt new EBS volumes.
#     cli: >-
#       aws ec2 enable-ebs-encryption-by-default --region REGION
#     terraform: >-
#       aws_instance: root_block_device { encrypted = true } and ebs_block_device { encrypted = true
#       }; aws_ebs_encryption_by_default: enabled = true
#   service: ec2
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Launch instances with encrypted root and EBS block devices (or enable EBS encryption by default)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0131

import rego.v1

deny contains res if {
	some instance in input.aws.ec2.instances
	instance.rootblockdevice.encrypted.value == false
	res := result.new(sprintf("Instance '%s' has an unencrypted root volume.", [object.get(instance, ["id", "value"], "?")]), instance.rootblockdevice)
}

deny contains res if {
	some instance in input.aws.ec2.instances
	some dev in instance.ebsblockdevices
	dev.encrypted.value == false
	res := result.new(sprintf("Instance '%s' has an unencrypted EBS volume.", [object.get(instance, ["id", "value"], "?")]), dev)
}

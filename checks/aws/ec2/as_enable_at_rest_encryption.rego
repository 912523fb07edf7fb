# METADATA
# title: "Launch configurations encrypt their EBS volumes"
# description: >-
#   Every EBS volume a launch configuration maps should be encrypted. A region with EBS encryption by default encrypts every new volume whatever the mapping says, so its launch configurations pass.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-data-protection.html
# custom:
#   id: AVD-AWS-0008
#   avd_id: AVD-AWS-0008
#   provider: aws
#   impact: >-
#     Instances launched by the Auto Scaling group write their data, and the snapshots taken of it, unencrypted.
#   remediation:
#     console: >-
#       Launch configurations cannot be edited: EC2 console > Launch configurations > Copy to launch template, set Encrypted on every EBS volume, and move the Auto Scaling group to the template (or turn on EBS encryption by default: EC2 console > Settings > Data protection and security).
#     cli: >-
#       aws ec2 enable-ebs-encryption-by-default --region REGION; or aws autoscaling create-launch-configuration ... --block-device-mappings '[{"DeviceName":"/dev/xvda","Ebs":{"Encrypted":true}}]'
#     terraform: >-
#       aws_launch_configuration: root_block_device { encrypted = true } and ebs_block_device { encrypted = true }; or aws_ebs_encryption_by_default { enabled = true }
#   service: ec2
#   severity: HIGH
#   short_code: enable-launch-config-at-rest-encryption
#   recommended_action: "Encrypt every EBS volume of the launch configuration, or turn on EBS encryption by default in the region."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0008

import rego.v1

deny contains res if {
	some lc in input.aws.ec2.launchconfigurations
	not encrypted_by_default
	some dev in devices(lc)
	not dev.encrypted.value
	res := result.new(sprintf("Launch configuration '%s' maps an unencrypted EBS volume (%s).", [object.get(lc, ["name", "value"], "?"), object.get(dev, ["devicename", "value"], "?")]), object.get(dev, "encrypted", dev))
}

devices(lc) := array.concat([d | some d in [object.get(lc, "rootblockdevice", null)]; d != null], object.get(lc, "ebsblockdevices", []))

encrypted_by_default if input.aws.ec2.ebsencryptionbydefault.enabled.value == true

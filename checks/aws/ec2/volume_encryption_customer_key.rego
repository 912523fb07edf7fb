# METADATA
# title: "EBS volumes use a customer managed KMS key"
# description: >-
#   Volumes encrypted with a customer managed key can have their use audited and revoked, and
#   snapshots shared only where the key policy allows.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
# custom:
#   id: AVD-AWS-0027
#   avd_id: AVD-AWS-0027
#   provider: aws
#   service: ec2
#   severity: LOW
#   short_code: volume-encryption-customer-key
#   recommended_action: "Encrypt volumes with a customer managed KMS key (set it as the EBS default key)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0027

import rego.v1

deny contains res if {
	some volume in input.aws.ec2.volumes
	volume.encryption.enabled.value == true
	object.get(volume, ["encryption", "kmskeyid", "value"], "") == ""
	res := result.new(sprintf("EBS volume '%s' is not encrypted with a customer managed key.", [object.get(volume, ["id", "value"], "?")]), volume)
}

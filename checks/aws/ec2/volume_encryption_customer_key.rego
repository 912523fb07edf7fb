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
#   impact: >-
#     With the AWS managed EBS key, anyone who can use EBS in the account can use the key. A
#     customer managed key lets you restrict who can decrypt volumes and snapshots, share encrypted
#     snapshots across accounts, and revoke access by disabling the key.
#   remediation:
#     console: >-
#       EC2 console > Settings > EBS encryption > Manage: Default encryption key: your customer
#       managed key. Existing volumes: snapshot, copy the snapshot with that key, and create a
#       replacement volume.
#     cli: >-
#       aws ec2 modify-ebs-default-kms-key-id --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_ebs_volume: encrypted = true, kms_key_id = aws_kms_key.ebs.arn; aws_ebs_default_kms_key:
#       key_arn = aws_kms_key.ebs.arn
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

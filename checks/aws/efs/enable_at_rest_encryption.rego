# METADATA
# title: "EFS file systems are encrypted at rest"
# description: >-
#   Encryption at rest for EFS can only be chosen when the file system is created. A file system
#   created without it stores its files and metadata in clear on AWS storage.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
# custom:
#   id: AVD-AWS-0037
#   avd_id: AVD-AWS-0037
#   provider: aws
#   impact: >-
#     Files and their metadata are stored unencrypted: anyone who obtains the underlying storage or
#     a copy of it reads them, and the data falls outside KMS access control and audit.
#   remediation:
#     console: >-
#       EFS console: an existing file system cannot be encrypted. Create a new file system with
#       "Enable encryption of data at rest" checked, copy the data (AWS DataSync or a backup restore),
#       move the mount targets' clients, then delete the old one.
#     cli: >-
#       aws efs create-file-system --encrypted --kms-key-id arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#       --creation-token NAME
#     terraform: >-
#       aws_efs_file_system: encrypted = true (kms_key_id = aws_kms_key.efs.arn)
#   service: efs
#   severity: HIGH
#   short_code: enable-at-rest-encryption
#   recommended_action: "Re-create the file system with encryption at rest and move the data to it."
#   frameworks:
#     cis-aws-3.0:
#       - "2.4.1"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: efs
#             provider: aws
package builtin.aws.efs.aws0037

import rego.v1

deny contains res if {
	some fs in input.aws.efs.filesystems
	not fs.encrypted.value == true
	res := result.new(sprintf("EFS file system '%s' is not encrypted at rest.", [object.get(fs, ["id", "value"], "")]), object.get(fs, "encrypted", fs))
}

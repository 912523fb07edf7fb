# METADATA
# title: "EFS file systems have automatic backups enabled"
# description: >-
#   EFS automatic backups put the file system in the AWS Backup default plan (daily backups kept
#   for 35 days). Without them, or another backup plan covering the file system, deleted or
#   overwritten files cannot be recovered.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/efs/latest/ug/automatic-backups.html
# custom:
#   id: OSP-AWS-0031
#   avd_id: OSP-AWS-0031
#   provider: aws
#   impact: >-
#     A deletion, a ransomware encryption or a faulty job that overwrites files leaves no copy to
#     restore from.
#   remediation:
#     console: >-
#       EFS console > File systems > the file system > Edit > Automatic backups: Enable automatic
#       backups (or add the file system to an AWS Backup plan of your own).
#     cli: >-
#       aws efs put-backup-policy --file-system-id FS-ID --backup-policy Status=ENABLED
#     terraform: >-
#       aws_efs_backup_policy: file_system_id = aws_efs_file_system.fs.id,
#       backup_policy { status = "ENABLED" }
#   service: efs
#   severity: MEDIUM
#   short_code: enable-automatic-backups
#   recommended_action: "Enable automatic backups for the file system or cover it with an AWS Backup plan."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: efs
#             provider: aws
package builtin.aws.efs.osp0031

import rego.v1

deny contains res if {
	some fs in input.aws.efs.filesystems
	fs.automaticbackups.value == false
	res := result.new(sprintf("EFS file system '%s' has no automatic backups.", [object.get(fs, ["id", "value"], "")]), fs.automaticbackups)
}

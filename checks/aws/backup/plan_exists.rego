# METADATA
# title: "A region with backup vaults has a backup plan"
# description: >-
#   Backup vaults hold recovery points, but only a backup plan creates them on a schedule. A region
#   that has vaults and no plan at all takes no scheduled backups with AWS Backup: whatever the
#   vaults hold was made by hand or by a plan that was deleted. Prowler backup_plans_exist.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/aws-backup/latest/devguide/about-backup-plans.html
# custom:
#   id: OSP-AWS-0149
#   avd_id: OSP-AWS-0149
#   provider: aws
#   impact: >-
#     Resources expected to be protected by AWS Backup get no new recovery points; a restore
#     brings back old data or nothing.
#   remediation:
#     console: >-
#       AWS Backup console (in the region) > Backup plans > Create backup plan, then assign
#       resources to it.
#     cli: >-
#       aws backup create-backup-plan --backup-plan file://plan.json and aws backup create-
#       backup-selection --backup-plan-id ID --backup-selection file://selection.json
#     terraform: >-
#       aws_backup_plan (rule with target_vault_name and schedule) and aws_backup_selection
#   service: backup
#   severity: LOW
#   short_code: plan-exists
#   recommended_action: "Create a backup plan in the region and assign resources to it."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: backup
#             provider: aws
package builtin.aws.backup.osp0149

import rego.v1

import data.lib.osprey

deny contains res if {
	count(object.get(input.aws.backup, "vaults", [])) > 0
	count(object.get(input.aws.backup, "plans", [])) == 0
	res := result.new(sprintf("This region has %d backup vault(s) but no backup plan.", [count(input.aws.backup.vaults)]), osprey.cause(osprey.account_arn("backup", osprey.region, "backup-plan:*")))
}

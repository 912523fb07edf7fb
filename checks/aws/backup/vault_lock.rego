# METADATA
# title: "Backup vaults are protected by AWS Backup Vault Lock"
# description: >-
#   Vault Lock enforces a minimum and maximum retention on every recovery point of a vault and, once
#   its grace period ends (compliance mode), cannot be removed, not even by the root user. Without
#   it anyone allowed to delete recovery points or change lifecycle settings can erase the backups.
#   Prowler backup_vaults_locked (Backup vault lock).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
# custom:
#   id: OSP-AWS-0148
#   avd_id: OSP-AWS-0148
#   provider: aws
#   impact: >-
#     A compromised administrator or ransomware actor with backup permissions can delete or
#     shorten the retention of the recovery points before destroying the primary data.
#   remediation:
#     console: >-
#       AWS Backup console > Backup vaults > the vault > Vault lock > Create vault lock: set
#       minimum and maximum retention (and a grace period for compliance mode).
#     cli: >-
#       aws backup put-backup-vault-lock-configuration --backup-vault-name NAME --min-retention-
#       days 7 --max-retention-days 365 --changeable-for-days 3
#     terraform: >-
#       aws_backup_vault_lock_configuration: backup_vault_name, min_retention_days,
#       max_retention_days, changeable_for_days
#   service: backup
#   severity: LOW
#   short_code: vault-lock
#   recommended_action: "Add a Vault Lock configuration to the vault."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: backup
#             provider: aws
package builtin.aws.backup.osp0148

import rego.v1

deny contains res if {
	some vault in input.aws.backup.vaults
	not vault.locked.value == true
	res := result.new(sprintf("Backup vault '%s' has no Vault Lock.", [object.get(vault, ["name", "value"], "")]), object.get(vault, "locked", vault))
}

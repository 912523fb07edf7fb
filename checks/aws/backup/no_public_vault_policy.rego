# METADATA
# title: "Backup vault access policies do not grant access to everyone"
# description: >-
#   A backup vault's access policy decides who may read, copy, restore or delete its recovery
#   points. A statement that allows any principal ("*") without a condition lets every AWS account
#   act on the vault: restore the backups elsewhere, or delete them. Prowler
#   backup_vaults_policy_public_access.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html
# custom:
#   id: OSP-AWS-0147
#   avd_id: OSP-AWS-0147
#   provider: aws
#   impact: >-
#     Anyone with an AWS account may copy the backups out of the account or, if deletion is
#     allowed, destroy the copies a recovery depends on.
#   remediation:
#     console: >-
#       AWS Backup console > Backup vaults > the vault > Access policy > Edit: name the accounts
#       or roles that need access instead of "*", or add a condition (aws:PrincipalOrgID).
#     cli: >-
#       aws backup put-backup-vault-access-policy --backup-vault-name NAME --policy
#       file://policy.json (or aws backup delete-backup-vault-access-policy --backup-vault-name
#       NAME)
#     terraform: >-
#       aws_backup_vault_policy: policy with explicit principals or a Condition block
#   service: backup
#   severity: HIGH
#   short_code: no-public-vault-policy
#   recommended_action: "Restrict the vault access policy to named principals or add a condition."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: backup
#             provider: aws
package builtin.aws.backup.osp0147

import rego.v1

deny contains res if {
	some vault in input.aws.backup.vaults
	some statement in statements(object.get(vault, ["policy", "value"], ""))
	statement.Effect == "Allow"
	not statement.Condition
	public_principal(object.get(statement, "Principal", {}))
	res := result.new(sprintf("Access policy of backup vault '%s' allows any principal.", [object.get(vault, ["name", "value"], "")]), vault.policy)
}

public_principal("*")

public_principal(p) if "*" in as_array(object.get(p, "AWS", []))

# The statements of a policy document (one object or an array); none when it does not parse.
statements(text) := [s |
	is_string(text)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
	some s in as_array(object.get(doc, "Statement", []))
	is_object(s)
]

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

# METADATA
# title: "Glacier vault access policies do not allow everyone"
# description: >-
#   A vault access policy statement that allows principal '*' (or every account's root) without a
#   condition naming the callers lets any AWS account read, delete or upload archives of the vault.
#   CIS AWS Foundations 7.0 2.21 lists Glacier vaults among the resource policies to review.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazonglacier/latest/dev/vault-access-policy.html
# custom:
#   id: OSP-AWS-0090
#   avd_id: OSP-AWS-0090
#   provider: aws
#   impact: >-
#     Anyone with an AWS account can act on the vault's archives as the statement allows: retrieve
#     backups, or delete them.
#   remediation:
#     console: >-
#       S3 Glacier console > the vault > Permissions > Edit policy: replace principal '*' by the
#       accounts or roles that need access, or add an aws:PrincipalOrgID condition.
#     cli: >-
#       aws glacier set-vault-access-policy --account-id - --vault-name VAULT --policy file://policy.json
#       (or delete-vault-access-policy)
#     terraform: >-
#       aws_glacier_vault: access_policy naming specific principals
#   service: glacier
#   severity: HIGH
#   short_code: no-public-vault-policy
#   recommended_action: "Grant vault access to named principals, never '*'."
#   frameworks:
#     cis-aws-7.0:
#       - "2.21"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: glacier
#             provider: aws
package builtin.aws.glacier.osp0090

import rego.v1

import data.lib.aws.publicpolicy

deny contains res if {
	some vault in input.aws.glacier.vaults
	sids := publicpolicy.public_statements(object.get(vault, ["policy", "value"], ""))
	count(sids) > 0
	res := result.new(sprintf("Glacier vault '%s' has a policy any AWS account matches (statement %s).", [object.get(vault, ["name", "value"], "?"), concat(", ", sort(sids))]), vault.policy)
}

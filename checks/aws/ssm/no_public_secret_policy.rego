# METADATA
# title: "Secrets Manager secret policies do not allow everyone"
# description: >-
#   A secret's resource policy statement that allows principal '*' (or every account's root)
#   without a condition naming the callers lets any AWS account ask for the secret, limited only by
#   the key policy of its KMS key. CIS AWS Foundations 7.0 2.21 lists secrets among the resource
#   policies to review; Secrets Manager's own block-public-policy validation refuses such policies.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_resource-policies.html
# custom:
#   id: OSP-AWS-0092
#   avd_id: OSP-AWS-0092
#   provider: aws
#   impact: >-
#     Credentials, keys and tokens stored in the secret are readable or replaceable by accounts
#     outside your control.
#   remediation:
#     console: >-
#       Secrets Manager console > the secret > Resource permissions > Edit permissions: name the
#       principals that need the secret, then save (the console validates against public access).
#     cli: >-
#       aws secretsmanager put-resource-policy --secret-id SECRET --resource-policy file://policy.json
#       --block-public-policy (or delete-resource-policy)
#     terraform: >-
#       aws_secretsmanager_secret_policy: named principals, block_public_policy = true
#   service: ssm
#   severity: CRITICAL
#   short_code: no-public-secret-policy
#   recommended_action: "Name the principals in the secret's policy and put it with --block-public-policy."
#   frameworks:
#     cis-aws-7.0:
#       - "2.21"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ssm
#             provider: aws
package builtin.aws.ssm.osp0092

import rego.v1

import data.lib.aws.publicpolicy

deny contains res if {
	some secret in input.aws.ssm.secrets
	sids := publicpolicy.public_statements(object.get(secret, ["policy", "value"], ""))
	count(sids) > 0
	res := result.new(sprintf("Secret '%s' has a resource policy any AWS account matches (statement %s).", [object.get(secret, ["name", "value"], "?"), concat(", ", sort(sids))]), secret.policy)
}

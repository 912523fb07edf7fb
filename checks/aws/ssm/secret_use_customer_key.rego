# METADATA
# title: "Secrets Manager secrets are encrypted with a customer managed KMS key"
# description: >-
#   Secrets Manager encrypts every secret, by default with the AWS managed key
#   aws/secretsmanager. Its key policy cannot be restricted, so anyone allowed to read the secret
#   can decrypt it; a customer managed key adds a second, auditable gate and can be shared with
#   chosen accounts.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
# custom:
#   id: AVD-AWS-0098
#   avd_id: AVD-AWS-0098
#   provider: aws
#   impact: >-
#     With the AWS managed key, secretsmanager:GetSecretValue alone decides who reads the secret:
#     there is no key policy to narrow it, and the secret cannot be shared with another account.
#   remediation:
#     console: >-
#       Secrets Manager console > Secrets > the secret > Secret details: Actions > Edit encryption
#       key: choose a customer managed key (then rotate or re-put the secret so every version uses
#       it).
#     cli: >-
#       aws secretsmanager update-secret --secret-id SECRET --kms-key-id
#       arn:aws:kms:REGION:ACCOUNT:key/KEY-ID
#     terraform: >-
#       aws_secretsmanager_secret: kms_key_id = aws_kms_key.secrets.arn
#   service: ssm
#   severity: LOW
#   short_code: secret-use-customer-key
#   recommended_action: "Encrypt the secret with a customer managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ssm
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.ssm.aws0098

import rego.v1

import data.lib.aws.kms

name(s) := object.get(s, ["name", "value"], "")

key(s) := object.get(s, ["kmskeyid", "value"], "")

# No key named: the AWS managed default key aws/secretsmanager.
deny contains res if {
	some s in input.aws.ssm.secrets
	key(s) == ""
	res := result.new(sprintf("Secret '%s' uses the default AWS managed key aws/secretsmanager.", [name(s)]), object.get(s, "kmskeyid", s))
}

# A key named that is (or resolves to) an AWS managed key: Trivy catches only the literal alias.
deny contains res if {
	some s in input.aws.ssm.secrets
	key(s) != ""
	decidable(key(s))
	not kms.is_customer_managed(key(s))
	res := result.new(sprintf("Secret '%s' is encrypted with an AWS managed key, not a customer managed one.", [name(s)]), s.kmskeyid)
}

decidable(_) if input.aws.kms

decidable(ref) if startswith(ref, "alias/aws/")

decidable(ref) if contains(ref, ":alias/aws/")

not_evaluated contains reason if {
	not input.aws.kms
	some s in input.aws.ssm.secrets
	key(s) != ""
	not decidable(key(s))
	reason := sprintf("Secret '%s': KMS was not collected, so key %s cannot be told customer managed or AWS managed", [name(s), key(s)])
}

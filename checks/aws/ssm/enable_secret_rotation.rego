# METADATA
# title: "Secrets Manager secrets rotate automatically"
# description: >-
#   Automatic rotation has Secrets Manager replace the secret on a schedule through a rotation
#   function, so a leaked value stops working without anyone having to notice the leak.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html
# custom:
#   id: OSP-AWS-0167
#   avd_id: OSP-AWS-0167
#   provider: aws
#   impact: >-
#     A secret that never rotates stays valid for as long as it exists; a copy in a log, a laptop or a
#     former employee's notes keeps working.
#   remediation:
#     console: >-
#       Secrets Manager console > Secrets > the secret > Rotation > Edit rotation: turn on Automatic
#       rotation, choose a schedule and a rotation function.
#     cli: >-
#       aws secretsmanager rotate-secret --secret-id SECRET --rotation-lambda-arn FUNCTION-ARN
#       --rotation-rules AutomaticallyAfterDays=30
#     terraform: >-
#       aws_secretsmanager_secret_rotation: secret_id = aws_secretsmanager_secret.s.id,
#       rotation_lambda_arn = ..., rotation_rules { automatically_after_days = 30 }
#   service: ssm
#   severity: MEDIUM
#   short_code: enable-automatic-rotation
#   recommended_action: "Turn on automatic rotation for the secret."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ssm
#             provider: aws
package builtin.aws.ssm.osp0167

import rego.v1

# ListSecrets leaves RotationEnabled out until rotation was ever configured: absent is off.
deny contains res if {
	some secret in input.aws.ssm.secrets
	not secret.rotationenabled.value == true
	res := result.new(sprintf("Secret '%s' does not rotate automatically.", [object.get(secret, ["name", "value"], "")]), object.get(secret, "rotationenabled", secret))
}

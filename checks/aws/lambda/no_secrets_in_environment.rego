# METADATA
# title: "Lambda environment variables hold no secrets"
# description: >-
#   Environment variables are shown to anyone who can read the function's configuration and are copied
#   into every version. osprey never stores their values: the collector keeps a marker naming the
#   secret rule that matched (for the name and value together), which this check reports.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html
# custom:
#   id: OSP-AWS-0012
#   avd_id: OSP-AWS-0012
#   provider: aws
#   impact: >-
#     Anyone allowed lambda:GetFunctionConfiguration (ReadOnlyAccess includes it) can read a password
#     or key kept in an environment variable, and every published version keeps its copy.
#   remediation:
#     console: >-
#       Move the secret to Secrets Manager or SSM Parameter Store (SecureString) and rotate it; Lambda
#       console > the function > Configuration > Environment variables > Edit: remove it and read the
#       secret at run time with the function's role.
#     cli: >-
#       aws lambda update-function-configuration --function-name FUNCTION --environment
#       'Variables={SECRET_ARN=arn:aws:secretsmanager:REGION:ACCOUNT:secret:NAME}'
#     terraform: >-
#       aws_lambda_function: environment variables without secrets; aws_secretsmanager_secret plus a
#       role allowed secretsmanager:GetSecretValue on it
#   service: lambda
#   severity: CRITICAL
#   short_code: no-secrets-in-environment
#   recommended_action: "Keep secrets in Secrets Manager or Parameter Store and read them at run time; rotate the exposed secret."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: lambda
#             provider: aws
package builtin.aws.lambda.osp0012

import rego.v1

deny contains res if {
	some fn in input.aws.lambda.functions
	some var in fn.environment.variables
	scan := squealer.scan_string(var.value.value)
	scan.transgressionFound
	res := result.new(sprintf("Environment variable '%s' of function '%s' holds a secret (%s).", [object.get(var, ["name", "value"], "?"), object.get(fn, ["name", "value"], "?"), scan.description]), var)
}

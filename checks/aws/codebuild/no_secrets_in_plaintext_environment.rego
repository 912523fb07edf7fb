# METADATA
# title: "CodeBuild plaintext environment variables hold no secrets"
# description: >-
#   Plaintext environment variables of a build project are shown to anyone who can read the project (FSBP CodeBuild.2). osprey never stores their values: the collector keeps a marker naming the secret rule that matched, which this check reports. Parameter Store and Secrets Manager variables are references and pass.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-2
# custom:
#   id: OSP-AWS-0050
#   avd_id: OSP-AWS-0050
#   provider: aws
#   impact: >-
#     Anyone allowed codebuild:BatchGetProjects (ReadOnlyAccess includes it) can read a key or password kept in a plaintext variable, and every build log may print it.
#   remediation:
#     console: >-
#       Store the secret in Secrets Manager or Parameter Store and rotate it; CodeBuild console > the project > Edit > Environment > Additional configuration > Environment variables: change the variable's type to Secrets Manager or Parameter Store and give the secret's name.
#     cli: >-
#       aws codebuild update-project --name PROJECT --environment file://env.json (the variable with "type": "SECRETS_MANAGER" and the secret's ARN as value)
#     terraform: >-
#       aws_codebuild_project: environment { environment_variable { type = "SECRETS_MANAGER" value = SECRET_ARN } }
#   service: codebuild
#   severity: CRITICAL
#   short_code: no-secrets-in-plaintext-environment
#   recommended_action: "Keep secrets in Secrets Manager or Parameter Store and reference them; rotate the exposed secret."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: codebuild
#             provider: aws
package builtin.aws.codebuild.osp0050

import rego.v1

deny contains res if {
	some project in input.aws.codebuild.projects
	some var in project.environment.variables
	object.get(var, ["type", "value"], "PLAINTEXT") == "PLAINTEXT"
	scan := squealer.scan_string(var.value.value)
	scan.transgressionFound
	res := result.new(sprintf("Plaintext environment variable '%s' of CodeBuild project '%s' holds a secret (%s).", [object.get(var, ["name", "value"], "?"), object.get(project, ["name", "value"], "?"), scan.description]), var)
}

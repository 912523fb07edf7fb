# METADATA
# title: "ECS task definitions keep no secrets in container environment variables"
# description: >-
#   Environment variables of a container definition are readable by anyone who may describe the task
#   definition, and every revision keeps its copy. osprey never stores their values: the collector
#   keeps a marker naming the secret rule that matched (for the name and value together), which this
#   check reports.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html
# custom:
#   id: AVD-AWS-0036
#   avd_id: AVD-AWS-0036
#   provider: aws
#   impact: >-
#     Anyone allowed ecs:DescribeTaskDefinition (ReadOnlyAccess includes it) can read a password or
#     key kept in a container's environment, in the current and in every older revision.
#   remediation:
#     console: >-
#       Store the secret in Secrets Manager or SSM Parameter Store (SecureString), rotate it, and create
#       a task definition revision that references it under "secrets" (valueFrom) instead of
#       "environment"; deregister the revisions that hold it.
#     cli: >-
#       aws ecs register-task-definition --cli-input-json file://taskdef.json (the variable under
#       "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:..."}]); aws ecs
#       deregister-task-definition --task-definition FAMILY:OLD_REVISION
#     terraform: >-
#       aws_ecs_task_definition: container_definitions with "secrets" (valueFrom) instead of
#       "environment" for sensitive values
#   service: ecs
#   severity: CRITICAL
#   short_code: no-plaintext-secrets
#   recommended_action: "Reference secrets from Secrets Manager or Parameter Store instead of plain environment variables; rotate the exposed secret."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecs
#             provider: aws
package builtin.aws.ecs.aws0036

import rego.v1

deny contains res if {
	some td in input.aws.ecs.taskdefinitions
	some cd in td.containerdefinitions
	some env in cd.environment
	scan := squealer.scan_string(env.value.value)
	scan.transgressionFound
	res := result.new(sprintf("Environment variable '%s' of container '%s' in task definition '%s' holds a secret (%s).", [object.get(env, ["name", "value"], "?"), object.get(cd, ["name", "value"], "?"), object.get(td, ["family", "value"], "?"), scan.description]), env)
}

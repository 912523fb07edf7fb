# METADATA
# title: "ECS containers do not run privileged"
# description: >-
#   A privileged container gets root on the host: every device and kernel capability of the instance
#   it runs on. ECS task definitions set it per container.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security
# custom:
#   id: OSP-AWS-0177
#   avd_id: OSP-AWS-0177
#   provider: aws
#   impact: >-
#     A compromise of the container is a compromise of the host and of every other task on it.
#   remediation:
#     console: >-
#       ECS console > Task definitions > the family > Create new revision: the container > Privileged:
#       off; update services to the new revision.
#     cli: >-
#       aws ecs register-task-definition --cli-input-json file://taskdef.json (with "privileged": false
#       in each container definition)
#     terraform: >-
#       aws_ecs_task_definition: container_definitions = jsonencode([{ ..., privileged = false }])
#   service: ecs
#   severity: HIGH
#   short_code: no-privileged-containers
#   recommended_action: "Register a task definition revision whose containers are not privileged."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecs
#             provider: aws
package builtin.aws.ecs.osp0177

import rego.v1

deny contains res if {
	some td in input.aws.ecs.taskdefinitions
	some container in td.containerdefinitions
	container.privileged.value == true
	res := result.new(sprintf("Container '%s' of task definition '%s' runs privileged.", [object.get(container, ["name", "value"], ""), object.get(td, ["family", "value"], "")]), container.privileged)
}

# METADATA
# title: "ECS task definitions encrypt EFS volumes in transit"
# description: >-
#   An EFS volume mounted by a task should use TLS between the task and the file system. Only EFS
#   volumes are judged: host and Docker volumes have no transit encryption setting.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
# custom:
#   id: AVD-AWS-0035
#   avd_id: AVD-AWS-0035
#   provider: aws
#   impact: >-
#     File data travels between the task and EFS in clear text and can be read or altered on the
#     network path.
#   remediation:
#     console: >-
#       ECS console > Task definitions > the family > Create new revision > Storage > the EFS volume:
#       Transit encryption on; then move the services to the new revision.
#     cli: >-
#       aws ecs register-task-definition --cli-input-json file://taskdef.json (with
#       "efsVolumeConfiguration": {"transitEncryption": "ENABLED"} in each EFS volume)
#     terraform: >-
#       aws_ecs_task_definition: volume { efs_volume_configuration { transit_encryption = "ENABLED" } }
#   service: ecs
#   severity: HIGH
#   short_code: enable-in-transit-encryption
#   recommended_action: "Enable transit encryption for every EFS volume of the task definition."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecs
#             provider: aws
package builtin.aws.ecs.aws0035

import rego.v1

deny contains res if {
	some td in input.aws.ecs.taskdefinitions
	some volume in td.volumes
	efs := volume.efsvolumeconfiguration
	not efs.transitencryptionenabled.value
	res := result.new(sprintf("EFS volume '%s' of task definition '%s' is not encrypted in transit.", [object.get(volume, ["name", "value"], "?"), object.get(td, ["family", "value"], "?")]), object.get(efs, "transitencryptionenabled", volume))
}

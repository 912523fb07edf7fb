# METADATA
# title: "CodeBuild project environments do not run in privileged mode"
# description: >-
#   Privileged mode gives the build container root access to the host's Docker daemon (FSBP CodeBuild.5). Turn it on only for projects that build Docker images.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-5
# custom:
#   id: OSP-AWS-0052
#   avd_id: OSP-AWS-0052
#   provider: aws
#   impact: >-
#     A compromised build step or dependency can escape the container and act with the host's privileges.
#   remediation:
#     console: >-
#       CodeBuild console > the project > Edit > Environment: clear Privileged.
#     cli: >-
#       aws codebuild update-project --name PROJECT --environment type=LINUX_CONTAINER,image=IMAGE,computeType=TYPE,privilegedMode=false
#     terraform: >-
#       aws_codebuild_project: environment { privileged_mode = false }
#   service: codebuild
#   severity: HIGH
#   short_code: no-privileged-mode
#   recommended_action: "Turn off privileged mode unless the project builds Docker images."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: codebuild
#             provider: aws
package builtin.aws.codebuild.osp0052

import rego.v1

deny contains res if {
	some project in input.aws.codebuild.projects
	project.environment.privilegedmode.value
	res := result.new(sprintf("CodeBuild project '%s' runs its builds in privileged mode.", [object.get(project, ["name", "value"], "?")]), project.environment.privilegedmode)
}

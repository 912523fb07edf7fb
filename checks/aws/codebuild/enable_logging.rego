# METADATA
# title: "CodeBuild projects log their builds"
# description: >-
#   A build project should send its build logs to CloudWatch Logs or S3 (FSBP CodeBuild.4). CloudWatch Logs are on unless turned off.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-4
# custom:
#   id: OSP-AWS-0053
#   avd_id: OSP-AWS-0053
#   provider: aws
#   impact: >-
#     Without build logs, what a build ran, downloaded or published cannot be investigated after the fact.
#   remediation:
#     console: >-
#       CodeBuild console > the project > Edit > Logs: CloudWatch logs (or S3 logs) on.
#     cli: >-
#       aws codebuild update-project --name PROJECT --logs-config cloudWatchLogs={status=ENABLED}
#     terraform: >-
#       aws_codebuild_project: logs_config { cloudwatch_logs { status = "ENABLED" } }
#   service: codebuild
#   severity: MEDIUM
#   short_code: enable-logging
#   recommended_action: "Send the project's build logs to CloudWatch Logs or S3."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: codebuild
#             provider: aws
package builtin.aws.codebuild.osp0053

import rego.v1

deny contains res if {
	some project in input.aws.codebuild.projects
	not logged(project)
	res := result.new(sprintf("CodeBuild project '%s' sends its build logs neither to CloudWatch Logs nor to S3.", [object.get(project, ["name", "value"], "?")]), object.get(project, "logsconfig", project))
}

logged(project) if project.logsconfig.cloudwatchlogsstatus.value == "ENABLED"

logged(project) if project.logsconfig.s3logsstatus.value == "ENABLED"

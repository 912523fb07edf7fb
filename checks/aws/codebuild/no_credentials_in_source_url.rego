# METADATA
# title: "CodeBuild source repository URLs hold no credentials"
# description: >-
#   A source location such as https://user:token@bitbucket.org/org/repo.git embeds the credentials in the project (FSBP CodeBuild.1). osprey stores source locations with each secret replaced by a marker naming the rule, which this check reports.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-1
# custom:
#   id: OSP-AWS-0051
#   avd_id: OSP-AWS-0051
#   provider: aws
#   impact: >-
#     The token or password in the URL is readable by anyone who can read the project and grants access to the repository.
#   remediation:
#     console: >-
#       Revoke the token; CodeBuild console > the project > Edit > Source: connect the repository with OAuth or a CodeConnections connection and remove the credentials from the URL.
#     cli: >-
#       aws codebuild import-source-credentials ... ; aws codebuild update-project --name PROJECT --source type=BITBUCKET,location=https://bitbucket.org/ORG/REPO.git
#     terraform: >-
#       aws_codebuild_project: source { location = "https://bitbucket.org/ORG/REPO.git" } plus aws_codebuild_source_credential
#   service: codebuild
#   severity: CRITICAL
#   short_code: no-credentials-in-source-url
#   recommended_action: "Remove credentials from the source URL, revoke them, and connect the repository with OAuth or a connection."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: codebuild
#             provider: aws
package builtin.aws.codebuild.osp0051

import rego.v1

deny contains res if {
	some project in input.aws.codebuild.projects
	some src in project.sources
	scan := squealer.scan_string(src.location.value)
	scan.transgressionFound
	res := result.new(sprintf("A source location of CodeBuild project '%s' holds credentials (%s).", [object.get(project, ["name", "value"], "?"), scan.description]), src.location)
}

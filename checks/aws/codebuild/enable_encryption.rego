# METADATA
# title: "CodeBuild project artifacts are encrypted"
# description: >-
#   A project's build output (primary and secondary artifacts) should be encrypted with the project's KMS key. Projects without artifacts (NO_ARTIFACTS) are not judged.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
# custom:
#   id: AVD-AWS-0018
#   avd_id: AVD-AWS-0018
#   provider: aws
#   impact: >-
#     Build output, which often holds compiled code, packages and configuration, is stored unencrypted and readable by anyone with access to the bucket's objects.
#   remediation:
#     console: >-
#       CodeBuild console > the project > Edit > Artifacts > Additional configuration: clear Disable artifact encryption (for each secondary artifact too).
#     cli: >-
#       aws codebuild update-project --name PROJECT --artifacts type=S3,location=BUCKET,encryptionDisabled=false
#     terraform: >-
#       aws_codebuild_project: artifacts { encryption_disabled = false } and every secondary_artifacts { encryption_disabled = false }
#   service: codebuild
#   severity: HIGH
#   short_code: enable-encryption
#   recommended_action: "Enable encryption for the project's artifacts and secondary artifacts."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: codebuild
#             provider: aws
package builtin.aws.codebuild.aws0018

import rego.v1

deny contains res if {
	some project in input.aws.codebuild.projects
	some art in artifacts(project)
	not art.type.value == "NO_ARTIFACTS"
	not art.encryptionenabled.value
	res := result.new(sprintf("Artifacts of CodeBuild project '%s' are not encrypted.", [object.get(project, ["name", "value"], "?")]), object.get(art, "encryptionenabled", art))
}

artifacts(project) := array.concat([object.get(project, "artifactsettings", {})], object.get(project, "secondaryartifactsettings", []))

# METADATA
# title: "Launch templates and launch configurations require IMDSv2 session tokens"
# description: >-
#   Every instance launched from a template or launch configuration that does not require metadata
#   tokens starts with IMDSv1 open to request forgery.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
# custom:
#   id: AVD-AWS-0130
#   avd_id: AVD-AWS-0130
#   provider: aws
#   impact: >-
#     Every instance launched from the template inherits its metadata options: a template that
#     allows IMDSv1 produces instances whose role credentials a server-side request forgery bug can
#     steal.
#   remediation:
#     console: >-
#       EC2 console > Launch templates > the template > Actions > Modify template (Create new
#       version) > Advanced details: Metadata version: V2 only (token required); then set the new
#       version as the default.
#     cli: >-
#       aws ec2 create-launch-template-version --launch-template-id LT-ID --source-version
#       CURRENT-VERSION --launch-template-data '{"MetadataOptions":{"HttpTokens":"required"}}' &&
#       aws ec2 modify-launch-template --launch-template-id LT-ID --default-version NEW-VERSION
#     terraform: >-
#       aws_launch_template: metadata_options { http_tokens = "required" }
#   service: ec2
#   severity: HIGH
#   short_code: enforce-launch-config-http-token-imds
#   recommended_action: "Set MetadataOptions HttpTokens to required in the launch template's default version."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0130

import rego.v1

deny contains res if {
	some lt in input.aws.ec2.launchtemplates
	not object.get(lt, ["instance", "metadataoptions", "httpendpoint", "value"], "enabled") == "disabled"
	not object.get(lt, ["instance", "metadataoptions", "httptokens", "value"], "optional") == "required"
	res := result.new(sprintf("Launch template '%s' does not require IMDSv2 tokens.", [object.get(lt, ["name", "value"], "?")]), lt)
}

deny contains res if {
	some lc in input.aws.ec2.launchconfigurations
	not object.get(lc, ["metadataoptions", "httpendpoint", "value"], "enabled") == "disabled"
	not object.get(lc, ["metadataoptions", "httptokens", "value"], "optional") == "required"
	res := result.new(sprintf("Launch configuration '%s' does not require IMDSv2 tokens.", [object.get(lc, ["name", "value"], "?")]), lc)
}

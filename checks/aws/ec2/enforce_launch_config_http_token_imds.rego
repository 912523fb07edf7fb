# METADATA
# title: "Launch templates require IMDSv2 session tokens"
# description: >-
#   Every instance launched from a template that does not require metadata tokens starts with IMDSv1
#   open to request forgery.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html
# custom:
#   id: AVD-AWS-0130
#   avd_id: AVD-AWS-0130
#   provider: aws
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

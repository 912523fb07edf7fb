# METADATA
# title: "Instances require IMDSv2 session tokens"
# description: >-
#   With IMDSv1 allowed, a server-side request forgery bug in any application on the instance can
#   read the role credentials from the metadata service. Requiring tokens (IMDSv2) blocks that path.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html
# custom:
#   id: AVD-AWS-0028
#   avd_id: AVD-AWS-0028
#   provider: aws
#   impact: >-
#     IMDSv1 answers any GET request from the instance, so a server-side request forgery bug in an
#     application is enough to steal the instance role's credentials. IMDSv2 requires a session
#     token obtained with a PUT, which such bugs cannot send.
#   remediation:
#     console: >-
#       EC2 console > Instances > the instance > Actions > Instance settings > Modify instance
#       metadata options: IMDSv2 Required.
#     cli: >-
#       aws ec2 modify-instance-metadata-options --instance-id INSTANCE-ID --http-tokens required
#       --http-endpoint enabled
#     terraform: >-
#       aws_instance: metadata_options { http_tokens = "required" }
#   service: ec2
#   severity: HIGH
#   short_code: enforce-http-token-imds
#   recommended_action: "Set HttpTokens to required in the instance metadata options."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0028

import rego.v1

deny contains res if {
	some instance in input.aws.ec2.instances
	not object.get(instance, ["metadataoptions", "httpendpoint", "value"], "enabled") == "disabled"
	not object.get(instance, ["metadataoptions", "httptokens", "value"], "optional") == "required"
	res := result.new(sprintf("Instance '%s' does not require IMDSv2 tokens.", [object.get(instance, ["id", "value"], "?")]), object.get(instance, "metadataoptions", instance))
}

# METADATA
# title: "Security groups have a description"
# description: >-
#   A description says why a group exists, which is what reviewers need before they can judge its
#   rules.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
# custom:
#   id: AVD-AWS-0099
#   avd_id: AVD-AWS-0099
#   provider: aws
#   service: ec2
#   severity: LOW
#   short_code: add-description-to-security-group
#   recommended_action: "Recreate the group with a meaningful description (descriptions of groups cannot be edited)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ec2
#             provider: aws
package builtin.aws.ec2.aws0099

import rego.v1

deny contains res if {
	some group in input.aws.ec2.securitygroups
	object.get(group, ["description", "value"], "") == ""
	res := result.new(sprintf("Security group '%s' has no description.", [object.get(group, ["id", "value"], "?")]), group)
}

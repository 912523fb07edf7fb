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
#   impact: >-
#     A security group's description is the only record of why it exists. Without one, nobody dares
#     to delete or tighten it later, and unused open groups pile up.
#   remediation:
#     console: >-
#       Security group descriptions cannot be edited: EC2 console > Security groups > Create
#       security group with a description saying what it is for, copy the rules, move the network
#       interfaces to it, delete the old group.
#     cli: >-
#       aws ec2 create-security-group --group-name NAME --description "What this group is for"
#       --vpc-id VPC-ID
#     terraform: >-
#       aws_security_group: description = "What this group is for"
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

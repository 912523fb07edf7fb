# METADATA
# title: "EventBridge event bus policies do not allow any principal"
# description: >-
#   An event bus resource policy statement that allows principal '*' (or every account's root)
#   without a condition naming the senders lets any AWS account put events on the bus, and so
#   trigger every rule and target behind it. CIS AWS Foundations 7.0 2.21 lists event buses among
#   the resource policies to review.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus-perms.html
# custom:
#   id: OSP-AWS-0091
#   avd_id: OSP-AWS-0091
#   provider: aws
#   impact: >-
#     Any AWS account can inject events: forged events reach the rules' targets (Lambda functions,
#     queues, workflows) as if they came from a trusted source.
#   remediation:
#     console: >-
#       EventBridge console > Event buses > the bus > Permissions: name the accounts that may send,
#       or add an aws:PrincipalOrgID condition, instead of '*'.
#     cli: >-
#       aws events remove-permission --event-bus-name BUS --statement-id SID
#     terraform: >-
#       aws_cloudwatch_event_bus_policy naming specific principals (or an aws:PrincipalOrgID condition)
#   service: eventbridge
#   severity: HIGH
#   short_code: no-public-bus-policy
#   recommended_action: "Allow named accounts or the organization on the event bus, never '*'."
#   frameworks:
#     cis-aws-7.0:
#       - "2.21"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: eventbridge
#             provider: aws
package builtin.aws.eventbridge.osp0091

import rego.v1

import data.lib.aws.publicpolicy

deny contains res if {
	some bus in input.aws.eventbridge.buses
	sids := publicpolicy.public_statements(object.get(bus, ["policy", "value"], ""))
	count(sids) > 0
	res := result.new(sprintf("Event bus '%s' accepts events from any AWS account (statement %s).", [object.get(bus, ["name", "value"], "?"), concat(", ", sort(sids))]), bus.policy)
}

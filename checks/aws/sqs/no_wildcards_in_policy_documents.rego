# METADATA
# title: "SQS queue policies do not allow every action"
# description: >-
#   A queue policy statement that allows sqs:* (or *) grants every queue action, including deleting
#   the queue, purging it and changing its policy.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-examples-of-sqs-policies.html
# custom:
#   id: AVD-AWS-0097
#   avd_id: AVD-AWS-0097
#   provider: aws
#   impact: >-
#     The principals of the statement can read, delete and purge messages, delete the queue and
#     rewrite its policy, far more than sending or receiving needs.
#   remediation:
#     console: >-
#       SQS console > the queue > Access policy > Edit: list the actions the principals need
#       (sqs:SendMessage, sqs:ReceiveMessage, ...) instead of sqs:*.
#     cli: >-
#       aws sqs set-queue-attributes --queue-url URL --attributes file://policy.json (a Policy
#       naming specific actions)
#     terraform: >-
#       aws_sqs_queue_policy: policy statements with specific actions, e.g. actions =
#       ["sqs:SendMessage"]
#   service: sqs
#   severity: HIGH
#   short_code: no-wildcards-in-policy-documents
#   recommended_action: "Allow only the queue actions the principals need."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sqs
#             provider: aws
package builtin.aws.sqs.aws0097

import rego.v1

# Action as a string or an array (Trivy's check binds nothing for "Action": "sqs:*").
deny contains res if {
	some queue in input.aws.sqs.queues
	some policy in object.get(queue, "policies", [])
	some statement in statements(policy.document.value)
	statement.Effect == "Allow"
	some action in as_array(object.get(statement, "Action", []))
	is_string(action)
	lower(action) in {"*", "sqs:*"}
	res := result.new(sprintf("Policy of SQS queue '%s' allows %s.", [object.get(queue, ["arn", "value"], ""), action]), policy.document)
}

# The statements of a policy document (one object or an array); none when it does not parse.
# Local rather than lib.aws.iam, so the check stays loaded when Trivy's lib replaces that package.
statements(text) := [s |
	is_string(text)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
	some s in as_array(object.get(doc, "Statement", []))
	is_object(s)
]

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

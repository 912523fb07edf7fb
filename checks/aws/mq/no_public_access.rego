# METADATA
# title: "MQ brokers are not publicly accessible"
# description: >-
#   A publicly accessible broker gets endpoints that resolve and answer from the internet.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/using-amazon-mq-securely.html
# custom:
#   id: AVD-AWS-0072
#   avd_id: AVD-AWS-0072
#   provider: aws
#   impact: >-
#     The broker's wire protocols and web console are exposed to credential guessing from
#     anywhere.
#   remediation:
#     console: >-
#       Public accessibility is chosen at creation: create a private broker in the VPC and move
#       clients to it.
#     cli: >-
#       aws mq create-broker ... --no-publicly-accessible --subnet-ids SUBNETS --security-groups
#       SG
#     terraform: >-
#       aws_mq_broker: publicly_accessible = false
#   service: mq
#   severity: HIGH
#   short_code: no-public-access
#   recommended_action: "Recreate the broker without public accessibility."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: mq
#             provider: aws
package builtin.aws.mq.aws0072

import rego.v1

deny contains res if {
	some b in input.aws.mq.brokers
	b.publicaccess.value == true
	res := result.new(sprintf("MQ broker '%s' is publicly accessible.", [object.get(b, ["name", "value"], "")]), b.publicaccess)
}

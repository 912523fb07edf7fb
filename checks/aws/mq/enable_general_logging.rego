# METADATA
# title: "MQ brokers publish general logs"
# description: >-
#   General logs (ActiveMQ broker log, RabbitMQ broker log) go to CloudWatch Logs only when
#   enabled.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html
# custom:
#   id: AVD-AWS-0071
#   avd_id: AVD-AWS-0071
#   provider: aws
#   impact: >-
#     Connection problems, errors and authentication failures on the broker leave no trace.
#   remediation:
#     console: >-
#       Amazon MQ console > the broker > Edit > CloudWatch Logs: Enable general logging.
#     cli: >-
#       aws mq update-broker --broker-id ID --logs General=true
#     terraform: >-
#       aws_mq_broker: logs { general = true }
#   service: mq
#   severity: LOW
#   short_code: enable-general-logging
#   recommended_action: "Enable general logging on the broker."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: mq
#             provider: aws
package builtin.aws.mq.aws0071

import rego.v1

deny contains res if {
	some b in input.aws.mq.brokers
	not b.logging.general.value == true
	res := result.new(sprintf("MQ broker '%s' publishes no general logs.", [object.get(b, ["name", "value"], "")]), object.get(b.logging, "general", b.logging))
}

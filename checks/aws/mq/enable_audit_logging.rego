# METADATA
# title: "ActiveMQ brokers publish audit logs"
# description: >-
#   Audit logs record management actions taken through JMX and the web console and go to
#   CloudWatch Logs. They exist for ActiveMQ only: RabbitMQ brokers have none and are not judged.
#   AWS Foundational Security Best Practices MQ.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/security-logging-monitoring.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html#mq-2
# custom:
#   id: AVD-AWS-0070
#   avd_id: AVD-AWS-0070
#   provider: aws
#   impact: >-
#     Changes to queues, users and broker configuration leave no trace.
#   remediation:
#     console: >-
#       Amazon MQ console > the broker > Edit > CloudWatch Logs: Enable audit logging.
#     cli: >-
#       aws mq update-broker --broker-id ID --logs Audit=true,General=true
#     terraform: >-
#       aws_mq_broker: logs { audit = true }
#   service: mq
#   severity: MEDIUM
#   short_code: enable-audit-logging
#   recommended_action: "Enable audit logging on the ActiveMQ broker."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: mq
#             provider: aws
package builtin.aws.mq.aws0070

import rego.v1

# Trivy judges every broker; audit logging does not apply to RabbitMQ, so every RabbitMQ
# broker fails there.
deny contains res if {
	some b in input.aws.mq.brokers
	not upper(object.get(b, ["enginetype", "value"], "")) == "RABBITMQ"
	not b.logging.audit.value == true
	res := result.new(sprintf("MQ broker '%s' publishes no audit logs.", [object.get(b, ["name", "value"], "")]), object.get(b.logging, "audit", b.logging))
}

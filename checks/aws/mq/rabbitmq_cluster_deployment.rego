# METADATA
# title: "RabbitMQ brokers use the cluster deployment mode"
# description: >-
#   A single-instance RabbitMQ broker has no other node to take over. AWS Security Hub control
#   MQ.6.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/rabbitmq-broker-architecture.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html#mq-6
# custom:
#   id: OSP-AWS-0117
#   avd_id: OSP-AWS-0117
#   provider: aws
#   impact: >-
#     A node or Availability Zone failure stops every producer and consumer until the broker is
#     back.
#   remediation:
#     console: >-
#       The deployment mode is chosen at creation: create a CLUSTER_MULTI_AZ broker and move
#       clients to it.
#     cli: >-
#       aws mq create-broker ... --engine-type RABBITMQ --deployment-mode CLUSTER_MULTI_AZ
#     terraform: >-
#       aws_mq_broker: deployment_mode = "CLUSTER_MULTI_AZ"
#   service: mq
#   severity: LOW
#   short_code: rabbitmq-cluster-deployment
#   recommended_action: "Deploy the RabbitMQ broker as a three-node cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: mq
#             provider: aws
package builtin.aws.mq.osp0117

import rego.v1

deny contains res if {
	some b in input.aws.mq.brokers
	upper(b.enginetype.value) == "RABBITMQ"
	b.deploymentmode.value != "CLUSTER_MULTI_AZ"
	res := result.new(sprintf("MQ broker '%s' (RabbitMQ) runs as a single instance.", [object.get(b, ["name", "value"], "")]), b.deploymentmode)
}

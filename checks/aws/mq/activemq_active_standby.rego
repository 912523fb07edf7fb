# METADATA
# title: "ActiveMQ brokers use the active/standby deployment mode"
# description: >-
#   A single-instance ActiveMQ broker has no standby in another Availability Zone. AWS Security
#   Hub control MQ.5.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/active-standby-broker-deployment.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html#mq-5
# custom:
#   id: OSP-AWS-0116
#   avd_id: OSP-AWS-0116
#   provider: aws
#   impact: >-
#     A broker or Availability Zone failure stops every producer and consumer until the broker is
#     back.
#   remediation:
#     console: >-
#       The deployment mode is chosen at creation: create an ACTIVE_STANDBY_MULTI_AZ broker and
#       move clients to it.
#     cli: >-
#       aws mq create-broker ... --engine-type ACTIVEMQ --deployment-mode ACTIVE_STANDBY_MULTI_AZ
#     terraform: >-
#       aws_mq_broker: deployment_mode = "ACTIVE_STANDBY_MULTI_AZ"
#   service: mq
#   severity: LOW
#   short_code: activemq-active-standby
#   recommended_action: "Deploy the ActiveMQ broker as an active/standby pair."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: mq
#             provider: aws
package builtin.aws.mq.osp0116

import rego.v1

deny contains res if {
	some b in input.aws.mq.brokers
	upper(b.enginetype.value) == "ACTIVEMQ"
	b.deploymentmode.value != "ACTIVE_STANDBY_MULTI_AZ"
	res := result.new(sprintf("MQ broker '%s' (ActiveMQ) runs without a standby.", [object.get(b, ["name", "value"], "")]), b.deploymentmode)
}

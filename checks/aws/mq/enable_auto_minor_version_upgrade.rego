# METADATA
# title: "MQ brokers apply minor version upgrades automatically"
# description: >-
#   With automatic minor version upgrades off, engine security fixes wait for someone to apply
#   them. AWS Foundational Security Best Practices MQ.3.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/amazon-mq/latest/developer-guide/upgrading-brokers.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/mq-controls.html#mq-3
# custom:
#   id: OSP-AWS-0109
#   avd_id: OSP-AWS-0109
#   provider: aws
#   impact: >-
#     Known vulnerabilities of the broker engine stay open until the upgrade is applied by hand.
#   remediation:
#     console: >-
#       Amazon MQ console > the broker > Edit > Maintenance: Enable automatic minor version
#       upgrades.
#     cli: >-
#       aws mq update-broker --broker-id ID --auto-minor-version-upgrade
#     terraform: >-
#       aws_mq_broker: auto_minor_version_upgrade = true
#   service: mq
#   severity: MEDIUM
#   short_code: enable-auto-minor-version-upgrade
#   recommended_action: "Turn on automatic minor version upgrades."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: mq
#             provider: aws
package builtin.aws.mq.osp0109

import rego.v1

deny contains res if {
	some b in input.aws.mq.brokers
	b.autominorversionupgrade.value == false
	res := result.new(sprintf("MQ broker '%s' does not apply minor version upgrades automatically.", [object.get(b, ["name", "value"], "")]), b.autominorversionupgrade)
}

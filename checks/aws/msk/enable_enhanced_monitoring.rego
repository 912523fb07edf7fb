# METADATA
# title: "MSK clusters have enhanced monitoring"
# description: >-
#   At the DEFAULT level MSK publishes cluster-wide metrics only; PER_BROKER or finer shows the
#   broker-level disk, network and partition metrics needed to spot a failing broker. AWS
#   Foundational Security Best Practices MSK.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/metrics-details.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-2
# custom:
#   id: OSP-AWS-0114
#   avd_id: OSP-AWS-0114
#   provider: aws
#   impact: >-
#     Broker-level trouble (a full disk, under-replicated partitions) is noticed late.
#   remediation:
#     console: >-
#       MSK console > the cluster > Properties > Monitoring > Edit: Enhanced monitoring level: Per
#       broker or finer.
#     cli: >-
#       aws kafka update-monitoring --cluster-arn ARN --current-version VERSION --enhanced-
#       monitoring PER_BROKER
#     terraform: >-
#       aws_msk_cluster: enhanced_monitoring = "PER_BROKER"
#   service: msk
#   severity: LOW
#   short_code: enable-enhanced-monitoring
#   recommended_action: "Set enhanced monitoring to PER_BROKER or finer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.osp0114

import rego.v1

deny contains res if {
	some c in input.aws.msk.clusters
	not c.clustertype.value == "SERVERLESS"
	upper(c.enhancedmonitoring.value) == "DEFAULT"
	res := result.new(sprintf("MSK cluster '%s' has only default monitoring.", [object.get(c, ["name", "value"], "")]), c.enhancedmonitoring)
}

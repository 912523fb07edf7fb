# METADATA
# title: "OpenSearch domains have at least three data nodes spread over Availability Zones"
# description: >-
#   With fewer than three data nodes, or without zone awareness, losing one node or one Availability
#   Zone can make shards unavailable or lose the cluster's quorum. (FSBP ES.6, OpenSearch.6.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-multiaz.html
# custom:
#   id: OSP-AWS-0122
#   avd_id: OSP-AWS-0122
#   provider: aws
#   impact: >-
#     A single node or Availability Zone failure takes the domain's data offline or leaves it
#     without replicas.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit cluster configuration: 3
#       or more data nodes, Multi-AZ (2 or 3 Availability Zones).
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --cluster-config
#       InstanceCount=3,ZoneAwarenessEnabled=true,ZoneAwarenessConfig={AvailabilityZoneCount=3}
#     terraform: >-
#       aws_opensearch_domain: cluster_config { instance_count = 3, zone_awareness_enabled = true }
#   service: elasticsearch
#   severity: MEDIUM
#   short_code: three-data-nodes
#   recommended_action: "Run at least three data nodes with zone awareness."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0122

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.clusterconfig.instancecount.value < 3
	res := result.new(sprintf("OpenSearch domain '%s' has %d data node(s), fewer than three.", [name(d), d.clusterconfig.instancecount.value]), d.clusterconfig.instancecount)
}

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.clusterconfig.instancecount.value >= 3
	d.clusterconfig.zoneawarenessenabled.value == false
	res := result.new(sprintf("OpenSearch domain '%s' keeps its data nodes in one Availability Zone (zone awareness off).", [name(d)]), d.clusterconfig.zoneawarenessenabled)
}

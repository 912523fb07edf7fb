# METADATA
# title: "OpenSearch domains have at least three dedicated master nodes"
# description: >-
#   Dedicated master (cluster manager) nodes keep the cluster state apart from data work; three of
#   them keep a quorum when one fails. None, or fewer than three, lets a busy or failed node stall
#   the whole domain. (FSBP ES.7, OpenSearch.11.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/managedomains-dedicatedmasternodes.html
# custom:
#   id: OSP-AWS-0124
#   avd_id: OSP-AWS-0124
#   provider: aws
#   impact: >-
#     A data node under load or a single master failure can leave the domain without an elected
#     master: writes stop and the cluster may split.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit cluster configuration:
#       Dedicated master nodes, 3 nodes.
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --cluster-config
#       DedicatedMasterEnabled=true,DedicatedMasterCount=3,DedicatedMasterType=m6g.large.search
#     terraform: >-
#       aws_opensearch_domain: cluster_config { dedicated_master_enabled = true,
#       dedicated_master_count = 3 }
#   service: elasticsearch
#   severity: MEDIUM
#   short_code: three-dedicated-masters
#   recommended_action: "Run three dedicated master nodes."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0124

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.clusterconfig.dedicatedmasterenabled.value == false
	res := result.new(sprintf("OpenSearch domain '%s' has no dedicated master nodes.", [name(d)]), d.clusterconfig.dedicatedmasterenabled)
}

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.clusterconfig.dedicatedmasterenabled.value == true
	object.get(d.clusterconfig, ["dedicatedmastercount", "value"], 0) < 3
	res := result.new(sprintf("OpenSearch domain '%s' has fewer than three dedicated master nodes.", [name(d)]), d.clusterconfig)
}

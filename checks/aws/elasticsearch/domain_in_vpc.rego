# METADATA
# title: "OpenSearch domains are not publicly accessible (VPC access)"
# description: >-
#   A domain created with public access has an internet endpoint that anyone can reach; only its
#   access policy stands between the internet and the data. A domain with VPC access has no public
#   endpoint. The access type is chosen at creation. (FSBP ES.2, OpenSearch.2.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html
# custom:
#   id: OSP-AWS-0120
#   avd_id: OSP-AWS-0120
#   provider: aws
#   impact: >-
#     The endpoint is reachable from the internet: a permissive access policy or a leaked credential
#     exposes the data, and the domain can be probed and attacked from anywhere.
#   remediation:
#     console: >-
#       OpenSearch Service console: a domain cannot be moved into a VPC. Create a domain with
#       Network: VPC access, restore a snapshot into it (or reindex), switch the clients, then
#       delete the public domain.
#     cli: >-
#       aws opensearch create-domain --domain-name DOMAIN --vpc-options
#       SubnetIds=SUBNET-ID,SecurityGroupIds=SG-ID ...
#     terraform: >-
#       aws_opensearch_domain: vpc_options { subnet_ids = [...], security_group_ids = [...] }
#   service: elasticsearch
#   severity: HIGH
#   short_code: domain-in-vpc
#   recommended_action: "Run the domain with VPC access instead of a public endpoint."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0120

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	object.get(d, ["vpcid", "value"], "") == ""
	count(object.get(d, "subnetids", [])) == 0
	res := result.new(sprintf("OpenSearch domain '%s' has a public endpoint (not in a VPC).", [name(d)]), d)
}

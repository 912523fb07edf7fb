# METADATA
# title: "Redshift clusters use enhanced VPC routing"
# description: >-
#   Without enhanced VPC routing, COPY and UNLOAD traffic to S3 leaves through the internet path
#   and bypasses VPC endpoints, endpoint policies, security groups and flow logs. AWS Foundational
#   Security Best Practices Redshift.7.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/enhanced-vpc-routing.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-7
# custom:
#   id: OSP-AWS-0106
#   avd_id: OSP-AWS-0106
#   provider: aws
#   impact: >-
#     Data loads and exports escape the network controls and logs of the VPC.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Properties > Network and security > Edit: Enhanced VPC
#       routing: Turn on.
#     cli: >-
#       aws redshift modify-cluster --cluster-identifier CLUSTER --enhanced-vpc-routing
#     terraform: >-
#       aws_redshift_cluster: enhanced_vpc_routing = true
#   service: redshift
#   severity: MEDIUM
#   short_code: enable-enhanced-vpc-routing
#   recommended_action: "Turn on enhanced VPC routing."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0106

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.enhancedvpcrouting.value == false
	res := result.new(sprintf("Redshift cluster '%s' does not use enhanced VPC routing.", [object.get(c, ["clusteridentifier", "value"], "")]), c.enhancedvpcrouting)
}

# METADATA
# title: "Public EKS endpoints are limited to known networks"
# description: >-
#   When the public endpoint must stay on, its allowed CIDR ranges should name your own networks;
#   0.0.0.0/0 (the default) lets the whole internet connect.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: AVD-AWS-0041
#   avd_id: AVD-AWS-0041
#   provider: aws
#   impact: >-
#     An endpoint open to public ranges can be reached by anyone; limiting it to known networks cuts
#     off scanning and credential-stuffing from the rest of the internet.
#   remediation:
#     console: >-
#       EKS console > the cluster > Networking > Manage endpoint access > Advanced settings: list
#       only your own CIDR blocks.
#     cli: >-
#       aws eks update-cluster-config --name CLUSTER --resources-vpc-config
#       publicAccessCidrs=203.0.113.0/24
#     terraform: >-
#       aws_eks_cluster: vpc_config { public_access_cidrs = ["203.0.113.0/24"] }
#   service: eks
#   severity: CRITICAL
#   short_code: no-public-cluster-access-to-cidr
#   recommended_action: "Limit the public endpoint to your own CIDR blocks, or make it private."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: eks
#             provider: aws
package builtin.aws.eks.aws0041

import rego.v1

deny contains res if {
	some cluster in input.aws.eks.clusters
	cluster.publicaccessenabled.value == true
	some c in object.get(cluster, "publicaccesscidrs", [])
	cidr.is_public(c.value)
	res := result.new(sprintf("EKS cluster '%s' allows its public endpoint from %s.", [object.get(cluster, ["name", "value"], ""), c.value]), c)
}

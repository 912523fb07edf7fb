# METADATA
# title: "EKS cluster API endpoints are not public"
# description: >-
#   A public endpoint exposes the cluster's Kubernetes API server to the internet; with a private
#   endpoint only the VPC (and connected networks) can reach it.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
# custom:
#   id: AVD-AWS-0040
#   avd_id: AVD-AWS-0040
#   provider: aws
#   impact: >-
#     A public API server can be probed and attacked from anywhere: leaked credentials or an API
#     server vulnerability are enough to reach the cluster.
#   remediation:
#     console: >-
#       EKS console > the cluster > Networking > Manage endpoint access: Private.
#     cli: >-
#       aws eks update-cluster-config --name CLUSTER --resources-vpc-config
#       endpointPublicAccess=false,endpointPrivateAccess=true
#     terraform: >-
#       aws_eks_cluster: vpc_config { endpoint_public_access = false endpoint_private_access = true
#       }
#   service: eks
#   severity: CRITICAL
#   short_code: no-public-cluster-access
#   recommended_action: "Disable the public endpoint and use the private one."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: eks
#             provider: aws
package builtin.aws.eks.aws0040

import rego.v1

deny contains res if {
	some cluster in input.aws.eks.clusters
	cluster.publicaccessenabled.value == true
	res := result.new(sprintf("EKS cluster '%s' has a public API endpoint.", [object.get(cluster, ["name", "value"], "")]), cluster.publicaccessenabled)
}

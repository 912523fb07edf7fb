# METADATA
# title: "EKS clusters send Kubernetes audit logs to CloudWatch Logs"
# description: >-
#   The audit log records every request to the Kubernetes API server: who did what to which object,
#   and when. This check asks only for the audit log; AVD-AWS-0038 asks for all five control plane
#   log types.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
# custom:
#   id: OSP-AWS-0165
#   avd_id: OSP-AWS-0165
#   provider: aws
#   impact: >-
#     Without audit logs, a compromise through the Kubernetes API (a created pod, a read secret, a
#     changed role binding) leaves no record to investigate.
#   remediation:
#     console: >-
#       EKS console > Clusters > the cluster > Observability > Control plane logging > Manage logging:
#       turn on Audit.
#     cli: >-
#       aws eks update-cluster-config --name CLUSTER --logging
#       '{"clusterLogging":[{"types":["audit"],"enabled":true}]}'
#     terraform: >-
#       aws_eks_cluster: enabled_cluster_log_types = ["audit", ...]
#   service: eks
#   severity: MEDIUM
#   short_code: enable-audit-logging
#   recommended_action: "Turn on the audit log type of the cluster's control plane logging."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: eks
#             provider: aws
package builtin.aws.eks.osp0165

import rego.v1

deny contains res if {
	some cluster in input.aws.eks.clusters
	cluster.logging.audit.value == false
	res := result.new(sprintf("EKS cluster '%s' does not send audit logs to CloudWatch Logs.", [object.get(cluster, ["name", "value"], "")]), cluster.logging.audit)
}

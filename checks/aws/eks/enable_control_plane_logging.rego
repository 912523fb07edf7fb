# METADATA
# title: "EKS clusters send all control plane logs to CloudWatch"
# description: >-
#   The API server, audit, authenticator, controller manager and scheduler logs are off by default;
#   without them there is no record of who did what in the cluster.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
# custom:
#   id: AVD-AWS-0038
#   avd_id: AVD-AWS-0038
#   provider: aws
#   impact: >-
#     Without control plane logs, actions against the Kubernetes API, failed authentications and
#     scheduling decisions leave no trace to investigate or alert on.
#   remediation:
#     console: >-
#       EKS console > the cluster > Observability > Control plane logging > Manage logging: turn on
#       API server, Audit, Authenticator, Controller manager and Scheduler.
#     cli: >-
#       aws eks update-cluster-config --name CLUSTER --logging '{"clusterLogging":[{"types":["api","
#       audit","authenticator","controllerManager","scheduler"],"enabled":true}]}'
#     terraform: >-
#       aws_eks_cluster: enabled_cluster_log_types = ["api", "audit", "authenticator",
#       "controllerManager", "scheduler"]
#   service: eks
#   severity: MEDIUM
#   short_code: enable-control-plane-logging
#   recommended_action: "Enable all five control plane log types on the cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: eks
#             provider: aws
package builtin.aws.eks.aws0038

import rego.v1

import data.lib.cloud.metadata

log_types := {
	"api": "API server",
	"audit": "audit",
	"authenticator": "authenticator",
	"controllermanager": "controller manager",
	"scheduler": "scheduler",
}

deny contains res if {
	some cluster in input.aws.eks.clusters
	some t, name in log_types
	not cluster.logging[t].value
	res := result.new(sprintf("EKS cluster '%s' does not log the %s.", [object.get(cluster, ["name", "value"], ""), name]), metadata.obj_by_path(cluster, ["logging", t]))
}

# METADATA
# title: "ECS clusters have Container Insights enabled"
# description: >-
#   Container Insights collects CPU, memory, network and storage metrics and diagnostic events of the
#   cluster's tasks and services. Both "enabled" and "enhanced" (enhanced observability) turn it on.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/ContainerInsights.html
# custom:
#   id: AVD-AWS-0034
#   avd_id: AVD-AWS-0034
#   provider: aws
#   impact: >-
#     Without Container Insights, failing or misbehaving tasks and unexpected resource use in the
#     cluster are hard to notice and to investigate.
#   remediation:
#     console: >-
#       ECS console > Clusters > the cluster > Update cluster > Monitoring: Container Insights with
#       enhanced observability (or Container Insights) on.
#     cli: >-
#       aws ecs update-cluster-settings --cluster CLUSTER --settings name=containerInsights,value=enhanced
#     terraform: >-
#       aws_ecs_cluster: setting { name = "containerInsights" value = "enhanced" }
#   service: ecs
#   severity: LOW
#   short_code: enable-container-insight
#   recommended_action: "Turn on Container Insights (enabled or enhanced) for the cluster."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecs
#             provider: aws
package builtin.aws.ecs.aws0034

import rego.v1

deny contains res if {
	some cluster in input.aws.ecs.clusters
	not cluster.settings.containerinsightsenabled.value
	res := result.new(sprintf("Cluster '%s' does not have Container Insights enabled.", [object.get(cluster, ["name", "value"], "?")]), object.get(cluster, ["settings", "containerinsightsenabled"], cluster))
}

# METADATA
# title: "Redshift clusters run in a VPC"
# description: >-
#   A cluster without a cluster subnet group runs outside any VPC (EC2-Classic).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
# custom:
#   id: AVD-AWS-0127
#   avd_id: AVD-AWS-0127
#   provider: aws
#   impact: >-
#     The cluster has no VPC network isolation, security groups or private addressing.
#   remediation:
#     console: >-
#       Restore a snapshot of the cluster into a cluster subnet group of a VPC.
#     cli: >-
#       aws redshift restore-from-cluster-snapshot --cluster-identifier NEW --snapshot-identifier
#       SNAP --cluster-subnet-group-name GROUP
#     terraform: >-
#       aws_redshift_cluster: cluster_subnet_group_name = aws_redshift_subnet_group.private.name
#   service: redshift
#   severity: HIGH
#   short_code: use-vpc
#   recommended_action: "Run the cluster in a VPC."
#   retired: "EC2-Classic is retired: every cluster AWS creates today is in a VPC, so on live data this check always passes; kept for inputs in Trivy's shape."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.aws0127

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	object.get(c, ["subnetgroupname", "value"], "") == ""
	res := result.new(sprintf("Redshift cluster '%s' is not in a VPC.", [object.get(c, ["clusteridentifier", "value"], "")]), object.get(c, "subnetgroupname", c))
}

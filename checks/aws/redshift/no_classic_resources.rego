# METADATA
# title: "Redshift does not use EC2-Classic cluster security groups"
# description: >-
#   A cluster security group exists only for EC2-Classic clusters, which have no VPC network
#   isolation.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-security-groups.html
# custom:
#   id: AVD-AWS-0085
#   avd_id: AVD-AWS-0085
#   provider: aws
#   impact: >-
#     A classic cluster sits on a network shared with other AWS customers.
#   remediation:
#     console: >-
#       Recreate the cluster in a VPC (restore a snapshot into a cluster subnet group) and delete
#       the cluster security group.
#     cli: >-
#       aws redshift delete-cluster-security-group --cluster-security-group-name GROUP
#     terraform: >-
#       Remove aws_redshift_security_group; set cluster_subnet_group_name on aws_redshift_cluster
#   service: redshift
#   severity: CRITICAL
#   short_code: no-classic-resources
#   recommended_action: "Move the cluster into a VPC."
#   retired: "EC2-Classic is retired, so no account has Redshift cluster security groups any more and osprey does not collect them; kept for inputs in Trivy's shape."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.aws0085

import rego.v1

deny contains res if {
	some sg in input.aws.redshift.securitygroups
	res := result.new("Redshift cluster security group (EC2-Classic) in use.", sg)
}

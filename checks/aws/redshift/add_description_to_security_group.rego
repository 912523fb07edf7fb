# METADATA
# title: "Redshift cluster security groups have a description"
# description: >-
#   Cluster security groups belong to EC2-Classic, where a description said what a group was for.
#   Clusters in a VPC use EC2 security groups instead (judged by the ec2 checks).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-security-groups.html
# custom:
#   id: AVD-AWS-0083
#   avd_id: AVD-AWS-0083
#   provider: aws
#   impact: >-
#     A group nobody can explain is hard to review and tends to stay too open.
#   remediation:
#     console: >-
#       Recreate the cluster in a VPC (restore a snapshot into a cluster subnet group).
#     cli: >-
#       aws redshift restore-from-cluster-snapshot --cluster-identifier NEW --snapshot-identifier
#       SNAP --cluster-subnet-group-name GROUP
#     terraform: >-
#       aws_redshift_security_group (removed from the AWS provider): use aws_security_group with a
#       description
#   service: redshift
#   severity: LOW
#   short_code: add-description-to-security-group
#   recommended_action: "Move the cluster into a VPC and describe its EC2 security groups."
#   retired: "EC2-Classic is retired, so no account has Redshift cluster security groups any more and osprey does not collect them; kept for inputs in Trivy's shape."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.aws0083

import rego.v1

deny contains res if {
	some sg in input.aws.redshift.securitygroups
	object.get(sg, ["description", "value"], "") == ""
	res := result.new("Redshift cluster security group has no description.", object.get(sg, "description", sg))
}

# METADATA
# title: "RDS instances and clusters are not publicly accessible"
# description: >-
#   A publicly accessible database gets a DNS name that resolves to a public IP address, so its port
#   can be reached from the internet wherever its security groups allow.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding
# custom:
#   id: AVD-AWS-0180
#   avd_id: AVD-AWS-0180
#   provider: aws
#   impact: >-
#     A database reachable from the internet is one security group rule away from exposure, and
#     attracts password guessing and exploits of the engine itself.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance > Modify > Connectivity > Additional configuration: Not
#       publicly accessible > Apply immediately.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --no-publicly-accessible --apply-
#       immediately
#     terraform: >-
#       aws_db_instance / aws_rds_cluster: publicly_accessible = false
#   service: rds
#   severity: HIGH
#   short_code: enable-public-access
#   recommended_action: "Turn off public accessibility; reach the database through the VPC (VPN, bastion, PrivateLink)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0180

import rego.v1

deny contains res if {
	some instance in input.aws.rds.instances
	instance.publicaccess.value == true
	res := result.new(sprintf("DB instance '%s' is publicly accessible.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), instance.publicaccess)
}

# Multi-AZ DB clusters carry the setting themselves (Aurora members are judged as instances).
deny contains res if {
	some cluster in input.aws.rds.clusters
	cluster.publicaccess.value == true
	res := result.new(sprintf("DB cluster '%s' is publicly accessible.", [object.get(cluster, ["clusteridentifier", "value"], "?")]), cluster.publicaccess)
}

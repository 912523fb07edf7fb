# METADATA
# title: "RDS DB instances are Multi-AZ"
# description: >-
#   A Multi-AZ DB instance keeps a standby in another Availability Zone and fails over to it when
#   the primary or its zone fails. Aurora cluster members are judged by their cluster, not here.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZ.html
# custom:
#   id: OSP-AWS-0174
#   avd_id: OSP-AWS-0174
#   provider: aws
#   impact: >-
#     A single-AZ instance is down for as long as its host or zone is, and a storage failure may need
#     a restore from backup.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance > Modify > Availability and durability: Create a standby
#       instance > Apply.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB --multi-az --apply-immediately
#     terraform: >-
#       aws_db_instance: multi_az = true
#   service: rds
#   severity: MEDIUM
#   short_code: enable-multi-az
#   recommended_action: "Make the DB instance Multi-AZ."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.osp0174

import rego.v1

deny contains res if {
	some instance in input.aws.rds.instances
	object.get(instance, ["clusteridentifier", "value"], "") == ""
	instance.multiaz.value == false
	res := result.new(sprintf("DB instance '%s' is not Multi-AZ.", [object.get(instance, ["dbinstanceidentifier", "value"], "")]), instance.multiaz)
}

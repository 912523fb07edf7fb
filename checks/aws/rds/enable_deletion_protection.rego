# METADATA
# title: "RDS instances have deletion protection"
# description: >-
#   Deletion protection makes a DB instance refuse to be deleted until the setting is turned off.
#   Instances of an Aurora or Multi-AZ DB cluster are protected by their cluster's setting (AVD-
#   AWS-0343) and are not judged here.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeletionProtection
# custom:
#   id: AVD-AWS-0177
#   avd_id: AVD-AWS-0177
#   provider: aws
#   impact: >-
#     Without deletion protection one API call removes the instance and, unless a final snapshot is
#     taken, its data.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance > Modify > Deletion protection: Enable > Apply
#       immediately.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --deletion-protection --apply-
#       immediately
#     terraform: >-
#       aws_db_instance: deletion_protection = true
#   service: rds
#   severity: MEDIUM
#   short_code: enable-deletion-protection
#   recommended_action: "Enable deletion protection on the instance."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.aws0177

import rego.v1

# The instance flag does not apply to cluster members: the cluster's decides (Trivy flags every
# Aurora instance).
cluster_member(instance) if object.get(instance, ["clusteridentifier", "value"], "") != ""

cluster_member(instance) if startswith(object.get(instance, ["engine", "value"], ""), "aurora")

deny contains res if {
	some instance in input.aws.rds.instances
	not cluster_member(instance)
	not instance.deletionprotection.value == true
	res := result.new(sprintf("DB instance '%s' has no deletion protection.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), object.get(instance, "deletionprotection", instance))
}

# METADATA
# title: "RDS instances upgrade minor engine versions automatically"
# description: >-
#   With automatic minor version upgrades, RDS applies the engine's minor releases, which carry
#   security fixes, in the maintenance window. CIS AWS Foundations 2.0 and 3.0 control 2.3.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html#USER_UpgradeDBInstance.Upgrading.AutoMinorVersionUpgrades
# custom:
#   id: OSP-AWS-0010
#   avd_id: OSP-AWS-0010
#   provider: aws
#   impact: >-
#     Without automatic minor upgrades an instance keeps running an engine version with known, fixed
#     vulnerabilities until someone upgrades it by hand.
#   remediation:
#     console: >-
#       RDS console > Databases > the instance > Modify > Maintenance: Enable auto minor version
#       upgrade: Yes > Apply immediately.
#     cli: >-
#       aws rds modify-db-instance --db-instance-identifier DB-ID --auto-minor-version-upgrade
#       --apply-immediately
#     terraform: >-
#       aws_db_instance: auto_minor_version_upgrade = true
#   service: rds
#   severity: MEDIUM
#   short_code: enable-auto-minor-version-upgrade
#   recommended_action: "Enable automatic minor version upgrades."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: rds
#             provider: aws
package builtin.aws.rds.osp0010

import rego.v1

deny contains res if {
	some instance in input.aws.rds.instances
	instance.autominorversionupgrade.value == false
	res := result.new(sprintf("DB instance '%s' does not upgrade minor engine versions automatically.", [object.get(instance, ["dbinstanceidentifier", "value"], "?")]), instance.autominorversionupgrade)
}

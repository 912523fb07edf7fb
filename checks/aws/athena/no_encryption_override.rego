# METADATA
# title: "Athena workgroups enforce their settings on clients"
# description: >-
#   Unless the workgroup enforces its configuration, each client may set its own result location and
#   encryption, and so turn the workgroup's encryption off for its queries.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/athena/latest/ug/workgroups-settings-override.html
# custom:
#   id: AVD-AWS-0007
#   avd_id: AVD-AWS-0007
#   provider: aws
#   impact: >-
#     Any client of the workgroup can write query results unencrypted or to another bucket,
#     whatever the workgroup configures.
#   remediation:
#     console: >-
#       Athena console > Workgroups > the workgroup > Edit > Settings: check "Override client-side
#       settings".
#     cli: >-
#       aws athena update-work-group --work-group NAME --configuration-updates
#       EnforceWorkGroupConfiguration=true
#     terraform: >-
#       aws_athena_workgroup: configuration { enforce_workgroup_configuration = true }
#   service: athena
#   severity: HIGH
#   short_code: no-encryption-override
#   recommended_action: "Make the workgroup override client-side settings."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: athena
#             provider: aws
package builtin.aws.athena.aws0007

import rego.v1

deny contains res if {
	some wg in input.aws.athena.workgroups
	not wg.enforceconfiguration.value == true
	res := result.new(sprintf("Athena workgroup '%s' lets clients override its settings, encryption included.", [object.get(wg, ["name", "value"], "")]), object.get(wg, "enforceconfiguration", wg))
}

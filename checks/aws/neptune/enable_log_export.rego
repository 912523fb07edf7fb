# METADATA
# title: "Neptune clusters export audit logs to CloudWatch Logs"
# description: >-
#   Neptune writes audit logs (connections and queries) only when the cluster's
#   neptune_enable_audit_log parameter is on and the cluster exports the audit log type to
#   CloudWatch Logs. Only Neptune clusters are judged (Trivy judges every Aurora and DocumentDB
#   cluster too). (FSBP Neptune.2.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/neptune/latest/userguide/auditing.html
#   - https://docs.aws.amazon.com/neptune/latest/userguide/cloudwatch-logs.html
# custom:
#   id: AVD-AWS-0075
#   avd_id: AVD-AWS-0075
#   provider: aws
#   impact: >-
#     Who connected to the graph and what they queried or changed leaves no trail for detection or
#     investigation.
#   remediation:
#     console: >-
#       Neptune console > Databases > the cluster > Modify > Log exports: Audit log; and set
#       neptune_enable_audit_log = 1 in the cluster parameter group.
#     cli: >-
#       aws neptune modify-db-cluster --db-cluster-identifier CLUSTER
#       --cloudwatch-logs-export-configuration '{"EnableLogTypes":["audit"]}' --apply-immediately
#     terraform: >-
#       aws_neptune_cluster: enable_cloudwatch_logs_exports = ["audit"]
#   service: neptune
#   severity: MEDIUM
#   short_code: enable-log-export
#   recommended_action: "Export the cluster's audit log to CloudWatch Logs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: neptune
#             provider: aws
package builtin.aws.neptune.aws0075

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.neptune.clusters
	not c.logging.audit.value == true
	res := result.new(sprintf("Neptune cluster '%s' does not export audit logs to CloudWatch Logs.", [name(c)]), object.get(c, ["logging", "audit"], c))
}

# METADATA
# title: "DocumentDB clusters export audit logs to CloudWatch Logs"
# description: >-
#   FSBP DocumentDB.4 asks for the audit log itself: the profiler log (which AVD-AWS-0020 also
#   accepts) records slow operations, not who authenticated or changed users, roles and collections.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html
# custom:
#   id: OSP-AWS-0135
#   avd_id: OSP-AWS-0135
#   provider: aws
#   impact: >-
#     Authentication attempts and changes to users, roles and collections are not recorded.
#   remediation:
#     console: >-
#       DocumentDB console > Clusters > the cluster > Modify > Log exports: Audit logs; set
#       audit_logs = enabled in the cluster parameter group.
#     cli: >-
#       aws docdb modify-db-cluster --db-cluster-identifier CLUSTER
#       --cloudwatch-logs-export-configuration '{"EnableLogTypes":["audit"]}' --apply-immediately
#     terraform: >-
#       aws_docdb_cluster: enabled_cloudwatch_logs_exports = ["audit"]
#   service: documentdb
#   severity: MEDIUM
#   short_code: export-audit-logs
#   recommended_action: "Export the cluster's audit log to CloudWatch Logs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
package builtin.aws.documentdb.osp0135

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

deny contains res if {
	some c in input.aws.documentdb.clusters
	not c.logging.audit.value == true
	res := result.new(sprintf("DocumentDB cluster '%s' does not export its audit log.", [name(c)]), object.get(c, ["logging", "audit"], c))
}

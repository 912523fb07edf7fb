# METADATA
# title: "DocumentDB clusters export audit or profiler logs"
# description: >-
#   DocumentDB keeps no record of who did what unless the cluster exports its audit log (with the
#   audit_logs parameter on) or its profiler log to CloudWatch Logs. Only DocumentDB clusters are
#   judged (Trivy judges every Aurora and Neptune cluster too).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/event-auditing.html
#   - https://docs.aws.amazon.com/documentdb/latest/developerguide/profiling.html
# custom:
#   id: AVD-AWS-0020
#   avd_id: AVD-AWS-0020
#   provider: aws
#   impact: >-
#     Authentication, data definition and slow or abusive operations on the cluster leave no trail.
#   remediation:
#     console: >-
#       DocumentDB console > Clusters > the cluster > Modify > Log exports: Audit logs (and Profiler
#       logs); set audit_logs = enabled in the cluster parameter group.
#     cli: >-
#       aws docdb modify-db-cluster --db-cluster-identifier CLUSTER
#       --cloudwatch-logs-export-configuration '{"EnableLogTypes":["audit","profiler"]}'
#       --apply-immediately
#     terraform: >-
#       aws_docdb_cluster: enabled_cloudwatch_logs_exports = ["audit", "profiler"]
#   service: documentdb
#   severity: MEDIUM
#   short_code: enable-log-export
#   recommended_action: "Export the cluster's audit (and profiler) logs to CloudWatch Logs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: documentdb
#             provider: aws
package builtin.aws.documentdb.aws0020

import rego.v1

name(c) := object.get(c, ["identifier", "value"], "?")

exports(c, kind) if {
	some l in c.enabledlogexports
	l.value == kind
}

deny contains res if {
	some c in input.aws.documentdb.clusters
	not exports(c, "audit")
	not exports(c, "profiler")
	res := result.new(sprintf("DocumentDB cluster '%s' exports neither audit nor profiler logs.", [name(c)]), c)
}

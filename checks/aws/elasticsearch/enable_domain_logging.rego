# METADATA
# title: "OpenSearch domains publish audit logs"
# description: >-
#   Audit logs record who authenticated to the domain and which indices and documents they read or
#   changed. They need fine-grained access control and a CloudWatch Logs log group. (FSBP ES.5,
#   OpenSearch.5.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html
# custom:
#   id: AVD-AWS-0042
#   avd_id: AVD-AWS-0042
#   provider: aws
#   impact: >-
#     Access to the domain's data leaves no trail: misuse and leaks cannot be detected or
#     investigated.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Logs > Audit logs: Enable, choose a log
#       group; then configure the audit categories in OpenSearch Dashboards (Security > Audit logs).
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --log-publishing-options
#       AUDIT_LOGS={CloudWatchLogsLogGroupArn=arn:aws:logs:REGION:ACCOUNT:log-group:LOG-GROUP,Enabled=true}
#     terraform: >-
#       aws_opensearch_domain: log_publishing_options { log_type = "AUDIT_LOGS",
#       cloudwatch_log_group_arn = aws_cloudwatch_log_group.audit.arn }
#   service: elasticsearch
#   severity: MEDIUM
#   short_code: enable-domain-logging
#   recommended_action: "Publish the domain's audit logs to CloudWatch Logs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.aws0042

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	not d.logpublishing.auditenabled.value == true
	res := result.new(sprintf("OpenSearch domain '%s' does not publish audit logs.", [name(d)]), object.get(d, ["logpublishing", "auditenabled"], d))
}

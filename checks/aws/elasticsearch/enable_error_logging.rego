# METADATA
# title: "OpenSearch domains publish error logs to CloudWatch Logs"
# description: >-
#   Error logs (ES_APPLICATION_LOGS) carry the domain's errors and warnings: failed shard
#   allocations, script and mapping errors, garbage-collection trouble. Without them, failures are
#   diagnosed blind. (FSBP ES.4, OpenSearch.4.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/createdomain-configure-slow-logs.html
# custom:
#   id: OSP-AWS-0121
#   avd_id: OSP-AWS-0121
#   provider: aws
#   impact: >-
#     Errors that precede data loss or an outage are not recorded where they can be searched and
#     alarmed on.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Logs > Error logs: Enable, choose a log
#       group.
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --log-publishing-options
#       ES_APPLICATION_LOGS={CloudWatchLogsLogGroupArn=arn:aws:logs:REGION:ACCOUNT:log-group:LOG-GROUP,Enabled=true}
#     terraform: >-
#       aws_opensearch_domain: log_publishing_options { log_type = "ES_APPLICATION_LOGS",
#       cloudwatch_log_group_arn = aws_cloudwatch_log_group.errors.arn }
#   service: elasticsearch
#   severity: MEDIUM
#   short_code: enable-error-logging
#   recommended_action: "Publish the domain's error logs to CloudWatch Logs."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0121

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.logpublishing.errorenabled.value == false
	res := result.new(sprintf("OpenSearch domain '%s' does not publish error logs.", [name(d)]), d.logpublishing.errorenabled)
}

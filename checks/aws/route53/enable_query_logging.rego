# METADATA
# title: "Public hosted zones log DNS queries"
# description: >-
#   Route 53 query logging records every DNS query for a public hosted zone that reaches its name
#   servers (domain, record type, response code, edge location) in CloudWatch Logs. AWS
#   Foundational Security Best Practices Route53.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/query-logs.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/route53-controls.html#route53-2
# custom:
#   id: OSP-AWS-0084
#   avd_id: OSP-AWS-0084
#   provider: aws
#   impact: >-
#     Without query logs there is no record of who looked up which names: reconnaissance, DNS
#     tunnelling and a hijacked record's traffic go unseen.
#   remediation:
#     console: >-
#       Route 53 console > Hosted zones > the zone > Configure query logging: a log group in
#       us-east-1 whose resource policy lets route53.amazonaws.com write to it.
#     cli: >-
#       aws route53 create-query-logging-config --hosted-zone-id ZONE-ID
#       --cloud-watch-logs-log-group-arn arn:aws:logs:us-east-1:ACCOUNT:log-group:/aws/route53/ZONE
#     terraform: >-
#       aws_route53_query_log: zone_id, cloudwatch_log_group_arn (a log group in us-east-1 with an
#       aws_cloudwatch_log_resource_policy for route53.amazonaws.com)
#   service: route53
#   severity: MEDIUM
#   short_code: enable-query-logging
#   recommended_action: "Configure query logging for the public hosted zone."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: route53
#             provider: aws
package builtin.aws.route53.osp0084

import rego.v1

deny contains res if {
	some zone in input.aws.route53.hostedzones
	zone.private.value == false
	not zone.querylogging.enabled.value == true
	res := result.new(sprintf("Public hosted zone '%s' has no query logging.", [object.get(zone, ["name", "value"], "")]), object.get(zone, "querylogging", zone))
}

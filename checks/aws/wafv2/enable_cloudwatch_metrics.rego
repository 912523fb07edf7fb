# METADATA
# title: "WAF web ACLs and their rules publish CloudWatch metrics"
# description: >-
#   Each web ACL, rule and rule group reference has a visibility configuration; with CloudWatch
#   metrics off, its allowed, blocked and counted requests never reach CloudWatch, so no alarm
#   can watch it. Prowler's wafv2_webacl_rule_logging_enabled; FSBP WAF.12 asks the same of the
#   account's rule groups (OSP-AWS-0088).
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/monitoring-cloudwatch.html
#   - https://docs.aws.amazon.com/waf/latest/APIReference/API_VisibilityConfig.html
# custom:
#   id: OSP-AWS-0085
#   avd_id: OSP-AWS-0085
#   provider: aws
#   impact: >-
#     An attack, or a rule that suddenly blocks legitimate traffic, shows up nowhere an alarm or a
#     dashboard can see it.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs > the web ACL > Rules > each rule > Edit: Visibility
#       configuration, Enable CloudWatch metrics; and Logging and metrics for the web ACL itself.
#     cli: >-
#       aws wafv2 update-web-acl ... --visibility-config
#       SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=NAME --rules
#       file://rules.json (each rule with CloudWatchMetricsEnabled true)
#     terraform: >-
#       aws_wafv2_web_acl: visibility_config { cloudwatch_metrics_enabled = true } in the web ACL
#       and in every rule block
#   service: wafv2
#   severity: LOW
#   short_code: enable-cloudwatch-metrics
#   recommended_action: "Enable CloudWatch metrics in the visibility configuration of the web ACL and each of its rules."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: wafv2
#             provider: aws
#           - service: wafv2cloudfront
#             provider: aws
package builtin.aws.wafv2.osp0085

import rego.v1

import data.lib.aws.wafv2

# The web ACLs of both scopes (named here by path: the scan reads the collection from the check).
webacls contains acl if some acl in input.aws.wafv2.webacls

webacls contains acl if some acl in input.aws.wafv2cloudfront.webacls

deny contains res if {
	some acl in webacls
	acl.cloudwatchmetricsenabled.value == false
	res := result.new(sprintf("Web ACL %s publishes no CloudWatch metrics.", [wafv2.label(acl)]), acl.cloudwatchmetricsenabled)
}

deny contains res if {
	some acl in webacls
	some rule in object.get(acl, "rules", [])
	rule.cloudwatchmetricsenabled.value == false
	res := result.new(sprintf("Rule '%s' of web ACL %s publishes no CloudWatch metrics.", [object.get(rule, ["name", "value"], "?"), wafv2.label(acl)]), rule.cloudwatchmetricsenabled)
}

not_evaluated contains reason if {
	some reason in wafv2.cloudfront_unread("rules")
}

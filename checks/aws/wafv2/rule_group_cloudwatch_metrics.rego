# METADATA
# title: "WAF rule groups and their rules publish CloudWatch metrics"
# description: >-
#   A rule group of the account (either scope) whose visibility configuration, or that of one of
#   its rules, has CloudWatch metrics off sends nothing about its matches to CloudWatch. AWS
#   Foundational Security Best Practices WAF.12.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/monitoring-cloudwatch.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-12
# custom:
#   id: OSP-AWS-0088
#   avd_id: OSP-AWS-0088
#   provider: aws
#   impact: >-
#     What the rule group blocks or counts, in every web ACL that uses it, cannot be graphed or
#     alarmed on: attacks and false positives go unnoticed.
#   remediation:
#     console: >-
#       AWS WAF console > Rule groups (pick the Region, or Global (CloudFront)) > the rule group >
#       Rules > each rule > Edit: enable CloudWatch metrics in its visibility configuration; and the
#       rule group's own under Edit.
#     cli: >-
#       aws wafv2 update-rule-group --name NAME --scope REGIONAL|CLOUDFRONT --id ID --lock-token TOKEN
#       --visibility-config SampledRequestsEnabled=true,CloudWatchMetricsEnabled=true,MetricName=NAME
#       --rules file://rules.json (each rule with CloudWatchMetricsEnabled true)
#     terraform: >-
#       aws_wafv2_rule_group: visibility_config { cloudwatch_metrics_enabled = true } in the group
#       and in every rule block
#   service: wafv2
#   severity: MEDIUM
#   short_code: rule-group-cloudwatch-metrics
#   recommended_action: "Enable CloudWatch metrics for the rule group and each of its rules."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: wafv2
#             provider: aws
#           - service: wafv2cloudfront
#             provider: aws
package builtin.aws.wafv2.osp0088

import rego.v1

import data.lib.aws.wafv2

# The rule groups of both scopes (named here by path: the scan reads the collection from the check).
rulegroups contains g if some g in input.aws.wafv2.rulegroups

rulegroups contains g if some g in input.aws.wafv2cloudfront.rulegroups

deny contains res if {
	some g in rulegroups
	g.cloudwatchmetricsenabled.value == false
	res := result.new(sprintf("Rule group %s publishes no CloudWatch metrics.", [wafv2.label(g)]), g.cloudwatchmetricsenabled)
}

deny contains res if {
	some g in rulegroups
	some rule in object.get(g, "rules", [])
	rule.cloudwatchmetricsenabled.value == false
	res := result.new(sprintf("Rule '%s' of rule group %s publishes no CloudWatch metrics.", [object.get(rule, ["name", "value"], "?"), wafv2.label(g)]), rule.cloudwatchmetricsenabled)
}

not_evaluated contains reason if {
	some g in object.get(object.get(input.aws, "wafv2cloudfront", {}), "rulegroups", [])
	some gap in object.get(g, ["__defsec_metadata", "gaps"], [])
	"rules" in gap.fields
	reason := sprintf("rule group %s: %s was denied (%s)", [wafv2.label(g), gap.read, object.get(gap, "code", "")])
}

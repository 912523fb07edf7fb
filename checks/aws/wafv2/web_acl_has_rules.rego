# METADATA
# title: "WAF web ACLs have at least one rule or rule group"
# description: >-
#   A web ACL without rules, rule groups or Firewall Manager rule groups inspects nothing: every
#   request gets the default action. AWS Foundational Security Best Practices WAF.10.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-editing.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/waf-controls.html#waf-10
# custom:
#   id: OSP-AWS-0081
#   avd_id: OSP-AWS-0081
#   provider: aws
#   impact: >-
#     The resources behind the web ACL look protected but are not: with an Allow default action
#     every attack passes, with a Block default action every request is refused.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs > the web ACL > Rules > Add rules: add a managed rule group
#       (for example AWSManagedRulesCommonRuleSet) or your own rules.
#     cli: >-
#       aws wafv2 update-web-acl --name NAME --scope REGIONAL|CLOUDFRONT --id ID --lock-token TOKEN
#       --default-action Allow={} --visibility-config ... --rules file://rules.json
#     terraform: >-
#       aws_wafv2_web_acl: at least one rule block (for example a managed_rule_group_statement)
#   service: wafv2
#   severity: MEDIUM
#   short_code: web-acl-has-rules
#   recommended_action: "Add rules or rule groups to the web ACL, or delete it."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: wafv2
#             provider: aws
#           - service: wafv2cloudfront
#             provider: aws
package builtin.aws.wafv2.osp0081

import rego.v1

import data.lib.aws.wafv2

# The web ACLs of both scopes (named here by path: the scan reads the collection from the check).
webacls contains acl if some acl in input.aws.wafv2.webacls

webacls contains acl if some acl in input.aws.wafv2cloudfront.webacls

deny contains res if {
	some acl in webacls
	count(acl.rules) == 0
	count(object.get(acl, "firewallmanagerrulegroups", [])) == 0
	res := result.new(sprintf("Web ACL %s has no rules or rule groups.", [wafv2.label(acl)]), acl)
}

not_evaluated contains reason if {
	some reason in wafv2.cloudfront_unread("rules")
}

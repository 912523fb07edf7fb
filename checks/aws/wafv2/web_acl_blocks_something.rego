# METADATA
# title: "WAF web ACLs do not only count"
# description: >-
#   A web ACL whose default action is Allow and whose every rule only counts (Count action, or a
#   rule group overridden to Count) was left in monitoring mode: it matches attacks and lets
#   every one of them through.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-testing.html
#   - https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-rule-group-override-options.html
# custom:
#   id: OSP-AWS-0087
#   avd_id: OSP-AWS-0087
#   provider: aws
#   impact: >-
#     The web ACL gives the look of protection while blocking nothing: the requests its rules
#     recognise as attacks reach the application anyway.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs > the web ACL > Rules: once testing is over, set each rule's
#       action to Block (or remove the Count override of its rule group).
#     cli: >-
#       aws wafv2 update-web-acl ... --rules file://rules.json (rules with "Action": {"Block": {}},
#       rule groups with "OverrideAction": {"None": {}})
#     terraform: >-
#       aws_wafv2_web_acl rule blocks: action { block {} }, or override_action { none {} } for
#       rule groups
#   service: wafv2
#   severity: MEDIUM
#   short_code: web-acl-not-count-only
#   recommended_action: "Switch the web ACL's rules from Count to Block once they have been tested."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: wafv2
#             provider: aws
#           - service: wafv2cloudfront
#             provider: aws
package builtin.aws.wafv2.osp0087

import rego.v1

import data.lib.aws.wafv2

# The web ACLs of both scopes (named here by path: the scan reads the collection from the check).
webacls contains acl if some acl in input.aws.wafv2.webacls

webacls contains acl if some acl in input.aws.wafv2cloudfront.webacls

# A rule that only counts: its own Count action, or a rule group with a Count override.
counts_only(rule) if rule.action.value == "COUNT"

counts_only(rule) if rule.overrideaction.value == "COUNT"

deny contains res if {
	some acl in webacls
	acl.defaultaction.value == "ALLOW"
	count(acl.rules) > 0
	every rule in acl.rules {
		counts_only(rule)
	}
	count(object.get(acl, "firewallmanagerrulegroups", [])) == 0
	res := result.new(sprintf("Web ACL %s allows by default and all %d of its rules only count.", [wafv2.label(acl), count(acl.rules)]), acl.defaultaction)
}

not_evaluated contains reason if {
	some reason in wafv2.cloudfront_unread("rules")
}

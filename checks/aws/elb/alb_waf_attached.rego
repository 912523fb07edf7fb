# METADATA
# title: "Application load balancers are associated with a WAF web ACL"
# description: >-
#   An application load balancer without an AWS WAF web ACL passes every HTTP request to its
#   targets unfiltered. Judged from the REGIONAL web ACLs' associated resources of the same
#   region (WAF Classic associations are not read). AWS Foundational Security Best Practices
#   ELB.16.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-16
# custom:
#   id: OSP-AWS-0082
#   avd_id: OSP-AWS-0082
#   provider: aws
#   impact: >-
#     SQL injection, cross-site scripting, known bad inputs and request floods reach the
#     application behind the load balancer with nothing to stop them at the edge.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs (the load balancer's Region) > the web ACL > Associated AWS
#       resources > Add AWS resources: the application load balancer.
#     cli: >-
#       aws wafv2 associate-web-acl --web-acl-arn WEB-ACL-ARN --resource-arn LOAD-BALANCER-ARN
#     terraform: >-
#       aws_wafv2_web_acl_association: resource_arn = the aws_lb's arn, web_acl_arn = the
#       REGIONAL web ACL's arn
#   service: elb
#   severity: MEDIUM
#   short_code: alb-waf-attached
#   recommended_action: "Associate a REGIONAL AWS WAF web ACL with the application load balancer."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
#           - service: wafv2
#             provider: aws
package builtin.aws.elb.osp0082

import rego.v1

associated contains arn if {
	some acl in input.aws.wafv2.webacls
	some r in acl.associatedresources
	arn := r.arn.value
}

deny contains res if {
	input.aws.wafv2
	some lb in input.aws.elb.loadbalancers
	lb.type.value == "application"
	not lb.arn.value in associated
	not associations_unknown
	res := result.new(sprintf("Application load balancer '%s' has no WAF web ACL.", [object.get(lb, ["name", "value"], "")]), lb)
}

# A web ACL whose associations could not be listed (ListResourcesForWebACL denied): no load
# balancer of the region can be said to lack one.
associations_unknown if {
	some acl in input.aws.wafv2.webacls
	some gap in object.get(acl, ["__defsec_metadata", "gaps"], [])
	"associatedresources" in gap.fields
}

not_evaluated contains reason if {
	associations_unknown
	some lb in object.get(object.get(input.aws, "elb", {}), "loadbalancers", [])
	lb.type.value == "application"
	reason := "the resources of a WAF web ACL of this region could not be listed (ListResourcesForWebACL denied)"
}

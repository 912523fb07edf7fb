# METADATA
# title: "API Gateway REST API stages are associated with a WAF web ACL"
# description: >-
#   An AWS WAF web ACL on a REST API stage filters common web attacks, bots and floods before they
#   reach the API. AWS Foundational Security Best Practices APIGateway.4.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-aws-waf.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-4
# custom:
#   id: OSP-AWS-0070
#   avd_id: OSP-AWS-0070
#   provider: aws
#   impact: >-
#     Injection attempts, scanners and request floods reach the API and its backend unfiltered.
#   remediation:
#     console: >-
#       AWS WAF console > Web ACLs (regional, the API's region) > the web ACL > Associated AWS
#       resources > Add: the API Gateway REST API stage.
#     cli: >-
#       aws wafv2 associate-web-acl --web-acl-arn WEB_ACL_ARN --resource-arn
#       arn:aws:apigateway:REGION::/restapis/ID/stages/STAGE
#     terraform: >-
#       aws_wafv2_web_acl_association: resource_arn = aws_api_gateway_stage.this.arn, web_acl_arn =
#       aws_wafv2_web_acl.this.arn
#   service: apigateway
#   severity: MEDIUM
#   short_code: stage-waf-web-acl
#   recommended_action: "Associate a regional AWS WAF web ACL with the REST API stage."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.osp0070

import rego.v1

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	object.get(stage, ["webaclarn", "value"], "") == ""
	res := result.new(sprintf("Stage '%s' of REST API '%s' is not associated with a WAF web ACL.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?")]), object.get(stage, "webaclarn", stage))
}

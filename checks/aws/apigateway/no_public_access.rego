# METADATA
# title: "API Gateway REST API methods require authorization or an API key"
# description: >-
#   A method with authorization type NONE and no API key can be called by anyone who can reach the
#   API. CORS preflight methods (OPTIONS) are exempt: browsers send them without credentials.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-control-access-to-api.html
# custom:
#   id: AVD-AWS-0004
#   avd_id: AVD-AWS-0004
#   provider: aws
#   impact: >-
#     Anyone on the network can invoke the method and whatever backend it fronts.
#   remediation:
#     console: >-
#       API Gateway console > the REST API > Resources > the method > Method request > Edit:
#       Authorization (IAM, a Cognito user pool or a Lambda authorizer), or API key required; then
#       deploy the API.
#     cli: >-
#       aws apigateway update-method --rest-api-id ID --resource-id RID --http-method VERB
#       --patch-operations op=replace,path=/authorizationType,value=AWS_IAM
#     terraform: >-
#       aws_api_gateway_method: authorization = "AWS_IAM" (or "COGNITO_USER_POOLS" / "CUSTOM" with
#       authorizer_id), or api_key_required = true
#   service: apigateway
#   severity: LOW
#   short_code: no-public-access
#   recommended_action: "Require an authorizer, IAM authorization or an API key on the method."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.aws0004

import rego.v1

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some resource in api.resources
	some method in resource.methods
	upper(object.get(method, ["httpmethod", "value"], "")) != "OPTIONS" # CORS preflight (Trivy compares with "OPTION")
	not method.apikeyrequired.value
	method.authorizationtype.value == "NONE"
	res := result.new(sprintf("Method %s %s of REST API '%s' requires neither authorization nor an API key.", [object.get(method, ["httpmethod", "value"], "?"), object.get(resource, ["path", "value"], "?"), object.get(api, ["name", "value"], "?")]), method.authorizationtype)
}

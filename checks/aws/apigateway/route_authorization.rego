# METADATA
# title: "API Gateway HTTP and WebSocket API routes specify an authorization type"
# description: >-
#   A route of an HTTP API with authorization type NONE can be called by anyone who can reach the
#   API. WebSocket APIs authorize when the connection opens, so only their $connect route is
#   judged. AWS Foundational Security Best Practices APIGateway.8.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-control-access.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-8
# custom:
#   id: OSP-AWS-0073
#   avd_id: OSP-AWS-0073
#   provider: aws
#   impact: >-
#     Anyone on the network can invoke the route and the integration behind it.
#   remediation:
#     console: >-
#       API Gateway console > the API > Authorization > the route > Attach authorizer (JWT, Lambda or
#       IAM).
#     cli: >-
#       aws apigatewayv2 update-route --api-id ID --route-id RID --authorization-type JWT
#       --authorizer-id AUTHORIZER_ID (or AWS_IAM / CUSTOM)
#     terraform: >-
#       aws_apigatewayv2_route: authorization_type = "JWT" (or "AWS_IAM" / "CUSTOM"), authorizer_id =
#       aws_apigatewayv2_authorizer.this.id
#   service: apigateway
#   severity: MEDIUM
#   short_code: route-authorization
#   recommended_action: "Give the route an authorization type: JWT, a Lambda authorizer or IAM."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.osp0073

import rego.v1

judged(api, route) if upper(object.get(api, ["protocoltype", "value"], "")) != "WEBSOCKET"

judged(api, route) if {
	upper(object.get(api, ["protocoltype", "value"], "")) == "WEBSOCKET"
	object.get(route, ["routekey", "value"], "") == "$connect"
}

deny contains res if {
	some api in input.aws.apigateway.v2.apis
	some route in api.routes
	judged(api, route)
	object.get(route, ["authorizationtype", "value"], "NONE") in {"NONE", ""}
	res := result.new(sprintf("Route '%s' of API '%s' has no authorization type.", [object.get(route, ["routekey", "value"], "?"), object.get(api, ["name", "value"], "?")]), object.get(route, "authorizationtype", route))
}

# METADATA
# title: "API Gateway REST and WebSocket API stages have execution logging"
# description: >-
#   Execution logging (level ERROR or INFO) records how API Gateway handled each request:
#   authorizer and integration errors, throttling, mapping failures. Judged for every method of a
#   REST API stage (the stage-wide setting and each override) and for the default and each route
#   setting of a WebSocket API stage; HTTP APIs have no execution logs. AWS Foundational Security
#   Best Practices APIGateway.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-1
# custom:
#   id: OSP-AWS-0071
#   avd_id: OSP-AWS-0071
#   provider: aws
#   impact: >-
#     Failed authorizations, integration errors and throttled requests leave no trace to
#     investigate.
#   remediation:
#     console: >-
#       API Gateway console > the API > Stages > the stage > Logs and tracing > Edit: CloudWatch logs
#       Errors only or Errors and info logs (the account needs a CloudWatch Logs role in API Gateway
#       settings).
#     cli: >-
#       aws apigateway update-stage --rest-api-id ID --stage-name STAGE --patch-operations
#       'op=replace,path=/*/*/logging/loglevel,value=ERROR' (WebSocket: aws apigatewayv2 update-stage
#       --api-id ID --stage-name STAGE --default-route-settings LoggingLevel=ERROR)
#     terraform: >-
#       aws_api_gateway_method_settings: method_path = "*/*", settings { logging_level = "ERROR" };
#       aws_apigatewayv2_stage: default_route_settings { logging_level = "ERROR" }
#   service: apigateway
#   severity: MEDIUM
#   short_code: enable-execution-logging
#   recommended_action: "Set the stage's execution logging level to ERROR or INFO for every method or route."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.osp0071

import rego.v1

logs(level) if level in {"ERROR", "INFO"}

# the stage-wide entry must name a level; an override without one inherits it
level_fails(settings) if {
	object.get(settings, ["method", "value"], "*/*") == "*/*"
	not logs(object.get(settings, ["logginglevel", "value"], ""))
}

level_fails(settings) if {
	object.get(settings, ["method", "value"], "*/*") != "*/*"
	level := settings.logginglevel.value
	not logs(level)
}

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	some settings in stage.restmethodsettings
	level_fails(settings)
	res := result.new(sprintf("Stage '%s' of REST API '%s' has no execution logging for '%s'.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?"), object.get(settings, ["method", "value"], "?")]), object.get(settings, "logginglevel", settings))
}

deny contains res if {
	some api in input.aws.apigateway.v2.apis
	upper(object.get(api, ["protocoltype", "value"], "")) == "WEBSOCKET"
	some stage in api.stages
	not logs(object.get(stage, ["defaultroutesettings", "logginglevel", "value"], ""))
	res := result.new(sprintf("Stage '%s' of WebSocket API '%s' has no execution logging.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?")]), object.get(stage, "defaultroutesettings", stage))
}

deny contains res if {
	some api in input.aws.apigateway.v2.apis
	upper(object.get(api, ["protocoltype", "value"], "")) == "WEBSOCKET"
	some stage in api.stages
	some route in stage.routesettings
	level := route.logginglevel.value
	not logs(level)
	res := result.new(sprintf("Stage '%s' of WebSocket API '%s' has no execution logging for route '%s'.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?"), object.get(route, ["routekey", "value"], "?")]), route.logginglevel)
}

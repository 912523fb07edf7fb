# METADATA
# title: "API Gateway stages write access logs"
# description: >-
#   Every stage of a REST API (v1) and of an HTTP or WebSocket API (v2) should send access logs
#   (who called what, from where, with which result) to CloudWatch Logs or Firehose. AWS
#   Foundational Security Best Practices APIGateway.9 (v2 stages); CIS AWS Foundations 7.0 4.10.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-9
# custom:
#   id: AVD-AWS-0001
#   avd_id: AVD-AWS-0001
#   provider: aws
#   impact: >-
#     Without access logs, the requests that reached an API cannot be reconstructed after an abuse
#     or an incident.
#   remediation:
#     console: >-
#       API Gateway console > the API > Stages > the stage > Logs and tracing (v1) or Logging (v2) >
#       Edit: turn on access logging and pick a CloudWatch Logs log group (or Firehose stream) and a
#       log format.
#     cli: >-
#       aws apigateway update-stage --rest-api-id ID --stage-name STAGE --patch-operations
#       op=replace,path=/accessLogSettings/destinationArn,value=LOG_GROUP_ARN (v2: aws apigatewayv2
#       update-stage --api-id ID --stage-name STAGE --access-log-settings DestinationArn=ARN,Format=FMT)
#     terraform: >-
#       aws_api_gateway_stage / aws_apigatewayv2_stage: access_log_settings { destination_arn =
#       aws_cloudwatch_log_group.this.arn, format = ... }
#   service: apigateway
#   severity: MEDIUM
#   short_code: enable-access-logging
#   recommended_action: "Turn on access logging for every API Gateway stage."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.aws0001

import rego.v1

stages contains [api, stage] if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
}

stages contains [api, stage] if {
	some api in input.aws.apigateway.v2.apis
	some stage in api.stages
}

deny contains res if {
	some [api, stage] in stages
	object.get(stage, ["accesslogging", "cloudwatchloggrouparn", "value"], "") == ""
	res := result.new(sprintf("Stage '%s' of API '%s' does not write access logs.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?")]), stage)
}

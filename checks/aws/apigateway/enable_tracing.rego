# METADATA
# title: "API Gateway REST API stages trace requests with X-Ray"
# description: >-
#   Active X-Ray tracing follows each request through API Gateway and the services behind it.
#   AWS Foundational Security Best Practices APIGateway.3.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-xray.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-3
# custom:
#   id: AVD-AWS-0003
#   avd_id: AVD-AWS-0003
#   provider: aws
#   impact: >-
#     Latency, errors and unexpected call paths behind the API cannot be traced per request.
#   remediation:
#     console: >-
#       API Gateway console > the REST API > Stages > the stage > Logs and tracing > Edit: turn on
#       X-Ray tracing.
#     cli: >-
#       aws apigateway update-stage --rest-api-id ID --stage-name STAGE --patch-operations
#       op=replace,path=/tracingEnabled,value=true
#     terraform: >-
#       aws_api_gateway_stage: xray_tracing_enabled = true
#   service: apigateway
#   severity: LOW
#   short_code: enable-tracing
#   recommended_action: "Turn on X-Ray tracing for the REST API stage."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.aws0003

import rego.v1

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	not stage.xraytracingenabled.value
	res := result.new(sprintf("Stage '%s' of REST API '%s' does not trace with X-Ray.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?")]), object.get(stage, "xraytracingenabled", stage))
}

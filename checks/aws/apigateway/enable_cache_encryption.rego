# METADATA
# title: "API Gateway REST API caches are encrypted"
# description: >-
#   Responses cached by a REST API stage should be encrypted at rest. Judged for every method
#   setting that turns caching on, on stages whose cache cluster is provisioned. AWS Foundational
#   Security Best Practices APIGateway.5.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-5
# custom:
#   id: AVD-AWS-0002
#   avd_id: AVD-AWS-0002
#   provider: aws
#   impact: >-
#     Cached responses, which can hold personal or secret data, are stored unencrypted.
#   remediation:
#     console: >-
#       API Gateway console > the REST API > Stages > the stage > Stage details > Edit (or the
#       method's override): Encrypt cache data.
#     cli: >-
#       aws apigateway update-stage --rest-api-id ID --stage-name STAGE --patch-operations
#       'op=replace,path=/*/*/caching/dataEncrypted,value=true'
#     terraform: >-
#       aws_api_gateway_method_settings: settings { caching_enabled = true, cache_data_encrypted = true }
#   service: apigateway
#   severity: MEDIUM
#   short_code: enable-cache-encryption
#   recommended_action: "Encrypt the cache data of every method that caches responses."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.aws0002

import rego.v1

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	object.get(stage, ["cacheclusterenabled", "value"], true) != false # no cache cluster: nothing is cached
	some settings in stage.restmethodsettings
	settings.cacheenabled.value == true
	not settings.cachedataencrypted.value
	res := result.new(sprintf("Stage '%s' of REST API '%s' caches '%s' unencrypted.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?"), object.get(settings, ["method", "value"], "?")]), object.get(settings, "cachedataencrypted", settings))
}

# METADATA
# title: "API Gateway REST API stages cache responses"
# description: >-
#   Response caching (a provisioned stage cache cluster and caching turned on for its methods)
#   lowers the load on the backend and the latency of repeated requests. A stage without method
#   settings caches nothing and is judged too.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html
# custom:
#   id: AVD-AWS-0190
#   avd_id: AVD-AWS-0190
#   provider: aws
#   impact: >-
#     Every request reaches the backend, which then bears the full load of repeated or abusive
#     traffic.
#   remediation:
#     console: >-
#       API Gateway console > the REST API > Stages > the stage > Stage details > Edit: Provision API
#       cache, and turn on default method-level caching.
#     cli: >-
#       aws apigateway update-stage --rest-api-id ID --stage-name STAGE --patch-operations
#       op=replace,path=/cacheClusterEnabled,value=true 'op=replace,path=/*/*/caching/enabled,value=true'
#     terraform: >-
#       aws_api_gateway_stage: cache_cluster_enabled = true; aws_api_gateway_method_settings:
#       settings { caching_enabled = true }
#   service: apigateway
#   severity: LOW
#   short_code: enable-cache
#   recommended_action: "Provision a stage cache and turn caching on for its methods."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.aws0190

import rego.v1

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	stage.cacheclusterenabled.value == false
	res := result.new(sprintf("Stage '%s' of REST API '%s' has no cache cluster.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?")]), stage.cacheclusterenabled)
}

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	object.get(stage, ["cacheclusterenabled", "value"], true) != false # judged above
	some settings in stage.restmethodsettings
	not settings.cacheenabled.value
	res := result.new(sprintf("Stage '%s' of REST API '%s' does not cache '%s'.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?"), object.get(settings, ["method", "value"], "?")]), object.get(settings, "cacheenabled", settings))
}

# METADATA
# title: "API Gateway REST API stages present a client certificate to the backend"
# description: >-
#   With a client certificate on the stage, API Gateway authenticates itself to the HTTP backend
#   (mutual TLS), so the backend can refuse requests that did not come through the API. AWS
#   Foundational Security Best Practices APIGateway.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/getting-started-client-side-ssl-authentication.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html#apigateway-2
# custom:
#   id: OSP-AWS-0072
#   avd_id: OSP-AWS-0072
#   provider: aws
#   impact: >-
#     The backend cannot tell API Gateway's requests from anyone else's that reach it directly.
#   remediation:
#     console: >-
#       API Gateway console > Client certificates > Generate; then the REST API > Stages > the stage
#       > Stage details > Edit: Client certificate; configure the backend to verify it.
#     cli: >-
#       aws apigateway generate-client-certificate; aws apigateway update-stage --rest-api-id ID
#       --stage-name STAGE --patch-operations op=replace,path=/clientCertificateId,value=CERT_ID
#     terraform: >-
#       aws_api_gateway_client_certificate; aws_api_gateway_stage: client_certificate_id =
#       aws_api_gateway_client_certificate.this.id
#   service: apigateway
#   severity: MEDIUM
#   short_code: stage-client-certificate
#   recommended_action: "Attach a client certificate to the REST API stage and verify it in the backend."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.osp0072

import rego.v1

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some stage in api.stages
	object.get(stage, ["clientcertificateid", "value"], "") == ""
	res := result.new(sprintf("Stage '%s' of REST API '%s' has no client certificate for backend authentication.", [object.get(stage, ["name", "value"], "?"), object.get(api, ["name", "value"], "?")]), object.get(stage, "clientcertificateid", stage))
}

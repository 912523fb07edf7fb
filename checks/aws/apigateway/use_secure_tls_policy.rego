# METADATA
# title: "API Gateway custom domain names use a TLS 1.2 or later security policy"
# description: >-
#   A custom domain name's security policy sets the oldest TLS version and the ciphers it accepts.
#   TLS_1_0 admits TLS 1.0 and 1.1; TLS_1_2 and the enhanced SecurityPolicy_TLS12_* /
#   SecurityPolicy_TLS13_* policies do not. A regional domain listed by both APIs is judged once.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-custom-domain-tls-version.html
# custom:
#   id: AVD-AWS-0005
#   avd_id: AVD-AWS-0005
#   provider: aws
#   impact: >-
#     Clients can be made to use TLS versions with known weaknesses, exposing API traffic.
#   remediation:
#     console: >-
#       API Gateway console > Custom domain names > the domain > Configurations > Edit: Minimum TLS
#       version TLS 1.2 (or an enhanced TLS 1.2/1.3 security policy).
#     cli: >-
#       aws apigateway update-domain-name --domain-name NAME --patch-operations
#       op=replace,path=/securityPolicy,value=TLS_1_2
#     terraform: >-
#       aws_api_gateway_domain_name: security_policy = "TLS_1_2"; aws_apigatewayv2_domain_name:
#       domain_name_configuration { security_policy = "TLS_1_2" }
#   service: apigateway
#   severity: HIGH
#   short_code: use-secure-tls-policy
#   recommended_action: "Set the domain name's security policy to TLS_1_2 or a newer one."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.aws0005

import rego.v1

secure(policy) if policy == "TLS_1_2"

secure(policy) if startswith(policy, "SecurityPolicy_TLS12_")

secure(policy) if startswith(policy, "SecurityPolicy_TLS13_")

v1_names contains d.name.value if {
	some d in input.aws.apigateway.v1.domainnames
}

domains contains d if {
	some d in input.aws.apigateway.v1.domainnames
}

# a regional domain name is listed by both APIs: judged once, from v1
domains contains d if {
	some d in input.aws.apigateway.v2.domainnames
	not v1_names[object.get(d, ["name", "value"], "")]
}

deny contains res if {
	some d in domains
	policy := object.get(d, ["securitypolicy", "value"], "")
	not secure(policy)
	res := result.new(sprintf("Domain name '%s' accepts TLS older than 1.2 (security policy '%s').", [object.get(d, ["name", "value"], "?"), policy]), object.get(d, "securitypolicy", d))
}

# METADATA
# title: "Private API Gateway REST APIs admit only their own VPC endpoints"
# description: >-
#   A private REST API is reached through interface VPC endpoints, and any account's endpoint can
#   send it requests. Its resource policy should name the endpoints (or VPCs, accounts or the
#   organization) allowed to invoke it: an Allow for every principal with no such condition, and no
#   Deny for other endpoints, admits callers from any VPC endpoint of any account.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-private-api-create.html
#   - https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-resource-policies-examples.html
# custom:
#   id: OSP-AWS-0074
#   avd_id: OSP-AWS-0074
#   provider: aws
#   impact: >-
#     Workloads in other accounts can call an API meant for the organization's own networks.
#   remediation:
#     console: >-
#       API Gateway console > the private REST API > Resource policy: allow execute-api:Invoke only
#       with a condition on aws:SourceVpce (or aws:SourceVpc, aws:PrincipalOrgID), or add a Deny for
#       requests whose aws:SourceVpce is not yours; then deploy the API.
#     cli: >-
#       aws apigateway update-rest-api --rest-api-id ID --patch-operations
#       op=replace,path=/policy,value='POLICY_JSON' (with the aws:SourceVpce condition); aws apigateway
#       create-deployment --rest-api-id ID --stage-name STAGE
#     terraform: >-
#       aws_api_gateway_rest_api_policy: a statement with condition { test = "StringNotEquals",
#       variable = "aws:SourceVpce", values = [aws_vpc_endpoint.api.id] } and effect Deny
#   service: apigateway
#   severity: HIGH
#   short_code: private-api-restrict-endpoints
#   recommended_action: "Limit the private API's resource policy to your VPC endpoints, VPCs or organization."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: apigateway
#             provider: aws
package builtin.aws.apigateway.osp0074

import rego.v1

# condition keys that tie a request to known networks or accounts
restricting_keys := {"aws:sourcevpce", "aws:sourcevpc", "aws:sourceaccount", "aws:principalorgid", "aws:principalaccount", "aws:sourceip", "aws:vpcsourceip", "aws:principalorgpaths"}

as_list(x) := x if is_array(x)

as_list(x) := [x] if not is_array(x)

statements(doc) := as_list(doc.Statement)

anyone(st) if st.Principal == "*"

anyone(st) if "*" in as_list(st.Principal.AWS)

invokes(st) if {
	some a in as_list(st.Action)
	lower(a) in {"*", "execute-api:*", "execute-api:invoke"}
}

restricted(st) if {
	some _, keys in st.Condition
	some key, _ in keys
	lower(key) in restricting_keys
}

# the documented pattern: Allow everyone, Deny whatever does not come from these endpoints
denies_others(doc) if {
	some st in statements(doc)
	st.Effect == "Deny"
	invokes(st)
	restricted(st)
}

deny contains res if {
	some api in input.aws.apigateway.v1.apis
	some t in api.endpointtypes
	t.value == "PRIVATE"
	doc := json.unmarshal(api.policy.value)
	not denies_others(doc)
	some st in statements(doc)
	st.Effect == "Allow"
	anyone(st)
	invokes(st)
	not restricted(st)
	res := result.new(sprintf("Private REST API '%s' lets any VPC endpoint of any account invoke it.", [object.get(api, ["name", "value"], "?")]), api.policy)
}

# METADATA
# title: "Public OpenSearch domains do not allow anyone through their access policy"
# description: >-
#   A domain with a public endpoint is protected only by its resource-based access policy. A
#   statement that allows the principal "*" (or {"AWS": "*"}) without a condition (source IP, VPC
#   endpoint, account) lets anyone on the internet send requests, unsigned, to the domain. Domains
#   in a VPC are not judged: the network already limits who reaches them. (Complements FSBP
#   OpenSearch.2 and ES.2, which look only at VPC access.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html#ac-types-resource
# custom:
#   id: OSP-AWS-0139
#   avd_id: OSP-AWS-0139
#   provider: aws
#   impact: >-
#     Anyone on the internet reads, changes or deletes the domain's indices without credentials.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Security configuration > Edit: Access
#       policy: name the IAM principals that need access, or add an aws:SourceIp condition; better,
#       move the domain into a VPC.
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --access-policies
#       file://policy.json (a policy that names principals or carries a condition)
#     terraform: >-
#       aws_opensearch_domain_policy: access_policies with named principals or a Condition block
#   service: elasticsearch
#   severity: CRITICAL
#   short_code: no-open-access-policy
#   recommended_action: "Restrict the access policy to named principals or source addresses, or move the domain into a VPC."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0139

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

public(d) if {
	object.get(d, ["vpcid", "value"], "") == ""
	count(object.get(d, "subnetids", [])) == 0
}

# The statements of a policy document (one object or an array); none when it does not parse.
statements(text) := [s |
	is_string(text)
	json.is_valid(text)
	doc := json.unmarshal(text)
	is_object(doc)
	some s in as_array(object.get(doc, "Statement", []))
	is_object(s)
]

as_array(x) := x if is_array(x)

as_array(x) := [x] if not is_array(x)

anyone(p) if p == "*"

anyone(p) if {
	is_object(p)
	some x in as_array(object.get(p, "AWS", []))
	x == "*"
}

deny contains res if {
	some d in input.aws.elasticsearch.domains
	public(d)
	some s in statements(object.get(d, ["accesspolicies", "value"], ""))
	s.Effect == "Allow"
	anyone(object.get(s, "Principal", ""))
	not s.Condition
	res := result.new(sprintf("OpenSearch domain '%s' has a public endpoint and its access policy allows anyone without a condition.", [name(d)]), d.accesspolicies)
}

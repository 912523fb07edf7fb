# METADATA
# title: "OpenSearch domains use fine-grained access control"
# description: >-
#   Fine-grained access control (advanced security) adds users, roles and index-, document- and
#   field-level permissions inside the domain; without it, anyone the access policy admits can read
#   and change every index. (FSBP OpenSearch.7.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html
# custom:
#   id: OSP-AWS-0123
#   avd_id: OSP-AWS-0123
#   provider: aws
#   impact: >-
#     Every principal allowed by the access policy has full rights on all indices; nothing limits a
#     compromised client to the data it needs.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Edit security configuration:
#       Enable fine-grained access control, set the master user (IAM ARN or internal user).
#     cli: >-
#       aws opensearch update-domain-config --domain-name DOMAIN --advanced-security-options
#       Enabled=true,MasterUserOptions={MasterUserARN=arn:aws:iam::ACCOUNT:role/ROLE}
#     terraform: >-
#       aws_opensearch_domain: advanced_security_options { enabled = true, master_user_options {
#       master_user_arn = ... } }
#   service: elasticsearch
#   severity: HIGH
#   short_code: fine-grained-access-control
#   recommended_action: "Enable fine-grained access control on the domain."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0123

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.advancedsecurity.enabled.value == false
	res := result.new(sprintf("OpenSearch domain '%s' does not use fine-grained access control.", [name(d)]), d.advancedsecurity.enabled)
}

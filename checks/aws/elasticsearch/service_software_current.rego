# METADATA
# title: "OpenSearch domains run the latest service software"
# description: >-
#   Service software updates carry security fixes and bug fixes for the domain's engine. An update
#   that is available but not installed leaves those fixes out. (FSBP OpenSearch.10.)
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/opensearch-service/latest/developerguide/service-software.html
# custom:
#   id: OSP-AWS-0125
#   avd_id: OSP-AWS-0125
#   provider: aws
#   impact: >-
#     Known and fixed vulnerabilities stay exploitable on the domain until the update is installed.
#   remediation:
#     console: >-
#       OpenSearch Service console > Domains > the domain > Actions > Update (service software), or
#       schedule it in an off-peak window.
#     cli: >-
#       aws opensearch start-service-software-update --domain-name DOMAIN
#     terraform: >-
#       No Terraform argument: apply the update with the console or the CLI (or enable off-peak
#       automatic updates: aws_opensearch_domain software_update_options {
#       auto_software_update_enabled = true }).
#   service: elasticsearch
#   severity: LOW
#   short_code: service-software-current
#   recommended_action: "Install the available service software update."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elasticsearch
#             provider: aws
package builtin.aws.elasticsearch.osp0125

import rego.v1

name(d) := object.get(d, ["domainname", "value"], "?")

deny contains res if {
	some d in input.aws.elasticsearch.domains
	d.servicesoftwareoptions.updateavailable.value == true
	res := result.new(sprintf("OpenSearch domain '%s' has a service software update available (%s -> %s).", [name(d), object.get(d.servicesoftwareoptions, ["currentversion", "value"], "?"), object.get(d.servicesoftwareoptions, ["newversion", "value"], "?")]), d.servicesoftwareoptions)
}

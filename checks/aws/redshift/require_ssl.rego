# METADATA
# title: "Redshift clusters require encrypted connections"
# description: >-
#   Only the parameter require_ssl set to true in the cluster's parameter group makes the cluster
#   refuse connections without TLS; default parameter groups leave it false. AWS Foundational
#   Security Best Practices Redshift.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-2
# custom:
#   id: OSP-AWS-0102
#   avd_id: OSP-AWS-0102
#   provider: aws
#   impact: >-
#     Clients that do not ask for TLS send credentials and query results in clear.
#   remediation:
#     console: >-
#       Redshift console > Configurations > Workload management > a custom parameter group:
#       require_ssl = true; attach it to the cluster and reboot.
#     cli: >-
#       aws redshift modify-cluster-parameter-group --parameter-group-name GROUP --parameters
#       ParameterName=require_ssl,ParameterValue=true
#     terraform: >-
#       aws_redshift_parameter_group: parameter { name = "require_ssl", value = "true" }
#   service: redshift
#   severity: HIGH
#   short_code: require-ssl
#   recommended_action: "Set require_ssl to true in the cluster's parameter group."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0102

import rego.v1

name(c) := object.get(c, ["clusteridentifier", "value"], "")

ssl_value(group) := lower(p.parametervalue.value) if {
	some p in input.aws.redshift.clusterparameters
	p.parametergroupname.value == group
	p.parametername.value == "require_ssl"
}

deny contains res if {
	some c in input.aws.redshift.clusters
	some g in c.parametergroupnames
	ssl_value(g.value) != "true"
	res := result.new(sprintf("Redshift cluster '%s' does not require SSL (parameter group '%s').", [name(c), g.value]), g)
}

not_evaluated contains reason if {
	some c in input.aws.redshift.clusters
	some g in c.parametergroupnames
	not ssl_value(g.value)
	reason := sprintf("Redshift cluster '%s': the parameters of group '%s' were not collected", [name(c), g.value])
}

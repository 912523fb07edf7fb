# METADATA
# title: "MSK clusters have public access turned off"
# description: >-
#   Public access (SERVICE_PROVIDED_EIPS) gives every broker an Elastic IP address reachable from
#   the internet. AWS Foundational Security Best Practices MSK.4.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/public-access.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-4
# custom:
#   id: OSP-AWS-0108
#   avd_id: OSP-AWS-0108
#   provider: aws
#   impact: >-
#     Brokers can be reached from anywhere on the internet, limited only by authentication and
#     security groups.
#   remediation:
#     console: >-
#       MSK console > the cluster > Properties > Network settings > Edit public access: Off.
#     cli: >-
#       aws kafka update-connectivity --cluster-arn ARN --current-version VERSION --connectivity-
#       info '{"PublicAccess":{"Type":"DISABLED"}}'
#     terraform: >-
#       aws_msk_cluster: broker_node_group_info { connectivity_info { public_access { type =
#       "DISABLED" } } }
#   service: msk
#   severity: HIGH
#   short_code: no-public-access
#   recommended_action: "Turn off public access to the brokers."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.osp0108

import rego.v1

deny contains res if {
	some c in input.aws.msk.clusters
	not c.clustertype.value == "SERVERLESS"
	upper(c.publicaccess.value) == "SERVICE_PROVIDED_EIPS"
	res := result.new(sprintf("MSK cluster '%s' is reachable from the internet (public access on).", [object.get(c, ["name", "value"], "")]), c.publicaccess)
}

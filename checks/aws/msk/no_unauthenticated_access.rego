# METADATA
# title: "MSK clusters refuse unauthenticated clients"
# description: >-
#   With unauthenticated access on, any client that reaches a broker may produce and consume
#   without IAM, SASL/SCRAM or TLS client authentication. AWS Foundational Security Best Practices
#   MSK.6.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/msk/latest/developerguide/msk-authentication.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/msk-controls.html#msk-6
# custom:
#   id: OSP-AWS-0115
#   avd_id: OSP-AWS-0115
#   provider: aws
#   impact: >-
#     Anyone on the network path to the brokers reads and writes every topic their ACLs do not
#     forbid.
#   remediation:
#     console: >-
#       MSK console > the cluster > Properties > Security settings > Edit: turn on IAM or
#       SASL/SCRAM authentication and turn off Unauthenticated access.
#     cli: >-
#       aws kafka update-security --cluster-arn ARN --current-version VERSION --client-
#       authentication '{"Sasl":{"Iam":{"Enabled":true}},"Unauthenticated":{"Enabled":false}}'
#     terraform: >-
#       aws_msk_cluster: client_authentication { unauthenticated = false, sasl { iam = true } }
#   service: msk
#   severity: HIGH
#   short_code: no-unauthenticated-access
#   recommended_action: "Turn off unauthenticated access and authenticate clients."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: msk
#             provider: aws
package builtin.aws.msk.osp0115

import rego.v1

deny contains res if {
	some c in input.aws.msk.clusters
	not c.clustertype.value == "SERVERLESS"
	c.clientauthentication.unauthenticated.value == true
	res := result.new(sprintf("MSK cluster '%s' allows unauthenticated access.", [object.get(c, ["name", "value"], "")]), c.clientauthentication.unauthenticated)
}

# METADATA
# title: "Redshift clusters are not publicly accessible"
# description: >-
#   A publicly accessible cluster gets a public IP address and DNS name that resolve from the
#   internet; only its security groups stand between the database and the world. AWS Foundational
#   Security Best Practices Redshift.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/managing-clusters-vpc.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-1
# custom:
#   id: OSP-AWS-0101
#   avd_id: OSP-AWS-0101
#   provider: aws
#   impact: >-
#     The warehouse is reachable from the internet and open to credential guessing and database
#     exploits.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Actions > Modify publicly accessible setting: Turn off.
#     cli: >-
#       aws redshift modify-cluster --cluster-identifier CLUSTER --no-publicly-accessible
#     terraform: >-
#       aws_redshift_cluster: publicly_accessible = false
#   service: redshift
#   severity: CRITICAL
#   short_code: no-public-access
#   recommended_action: "Turn off public accessibility."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0101

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.publiclyaccessible.value == true
	res := result.new(sprintf("Redshift cluster '%s' is publicly accessible.", [object.get(c, ["clusteridentifier", "value"], "")]), c.publiclyaccessible)
}

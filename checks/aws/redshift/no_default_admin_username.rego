# METADATA
# title: "Redshift clusters do not keep the default admin user name"
# description: >-
#   awsuser is the admin name every console-created cluster starts with; a known user name halves
#   the work of guessing credentials. AWS Foundational Security Best Practices Redshift.8.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/r_Users.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-8
# custom:
#   id: OSP-AWS-0107
#   avd_id: OSP-AWS-0107
#   provider: aws
#   impact: >-
#     Credential guessing only needs the password.
#   remediation:
#     console: >-
#       Create a new admin with another name (restore a snapshot into a cluster with a different
#       master user name) and stop using awsuser.
#     cli: >-
#       aws redshift restore-from-cluster-snapshot ... then recreate with --master-username NAME
#     terraform: >-
#       aws_redshift_cluster: master_username other than "awsuser"
#   service: redshift
#   severity: MEDIUM
#   short_code: no-default-admin-username
#   recommended_action: "Use an admin user name other than awsuser."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0107

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.masterusername.value == "awsuser"
	res := result.new(sprintf("Redshift cluster '%s' keeps the default admin user name awsuser.", [object.get(c, ["clusteridentifier", "value"], "")]), c.masterusername)
}

# METADATA
# title: "Redshift clusters have audit logging enabled"
# description: >-
#   Audit logging records connections, users and (with enable_user_activity_logging) queries to S3
#   or CloudWatch Logs. AWS Foundational Security Best Practices Redshift.4.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-4
# custom:
#   id: OSP-AWS-0104
#   avd_id: OSP-AWS-0104
#   provider: aws
#   impact: >-
#     Without it there is no record of who connected or what they ran during an incident.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Properties > Database configurations > Edit audit
#       logging: Turn on.
#     cli: >-
#       aws redshift enable-logging --cluster-identifier CLUSTER --log-destination-type cloudwatch
#       --log-exports connectionlog userlog useractivitylog
#     terraform: >-
#       aws_redshift_logging: cluster_identifier = aws_redshift_cluster.c.id, log_destination_type
#       = "cloudwatch"
#   service: redshift
#   severity: MEDIUM
#   short_code: enable-audit-logging
#   recommended_action: "Turn on audit logging."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0104

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.loggingenabled.value == false
	res := result.new(sprintf("Redshift cluster '%s' has no audit logging.", [object.get(c, ["clusteridentifier", "value"], "")]), c.loggingenabled)
}

# METADATA
# title: "Redshift clusters are encrypted at rest"
# description: >-
#   An unencrypted cluster stores its data blocks and snapshots in clear; any KMS key, the AWS
#   managed one included, satisfies this control (AVD-AWS-0084 also asks for a customer managed
#   key). AWS Foundational Security Best Practices Redshift.10.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-10
# custom:
#   id: OSP-AWS-0119
#   avd_id: OSP-AWS-0119
#   provider: aws
#   impact: >-
#     Data and snapshots are readable by anyone who obtains the storage or a copy of it.
#   remediation:
#     console: >-
#       Redshift console > the cluster > Actions > Modify > Database configurations: Use AWS KMS.
#     cli: >-
#       aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted
#     terraform: >-
#       aws_redshift_cluster: encrypted = true
#   service: redshift
#   severity: MEDIUM
#   short_code: enable-encryption-at-rest
#   recommended_action: "Encrypt the cluster with a KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0119

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.encryption.enabled.value == false
	res := result.new(sprintf("Redshift cluster '%s' is not encrypted at rest.", [object.get(c, ["clusteridentifier", "value"], "")]), c.encryption.enabled)
}

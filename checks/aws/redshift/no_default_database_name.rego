# METADATA
# title: "Redshift clusters do not use the default database name"
# description: >-
#   dev is the database every cluster gets unless told otherwise; a known name is one less thing
#   to guess. AWS Foundational Security Best Practices Redshift.9.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/redshift/latest/mgmt/t_creating_database.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/redshift-controls.html#redshift-9
# custom:
#   id: OSP-AWS-0118
#   avd_id: OSP-AWS-0118
#   provider: aws
#   impact: >-
#     Attackers who reach the endpoint know which database to connect to.
#   remediation:
#     console: >-
#       Create the cluster with a database name of your own (the first database's name cannot be
#       changed).
#     cli: >-
#       aws redshift create-cluster ... --db-name NAME
#     terraform: >-
#       aws_redshift_cluster: database_name other than "dev"
#   service: redshift
#   severity: LOW
#   short_code: no-default-database-name
#   recommended_action: "Create the cluster with a database name other than dev."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: redshift
#             provider: aws
package builtin.aws.redshift.osp0118

import rego.v1

deny contains res if {
	some c in input.aws.redshift.clusters
	c.dbname.value == "dev"
	res := result.new(sprintf("Redshift cluster '%s' uses the default database name dev.", [object.get(c, ["clusteridentifier", "value"], "")]), c.dbname)
}

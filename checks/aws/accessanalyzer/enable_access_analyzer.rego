# METADATA
# title: "IAM Access Analyzer is enabled in every region"
# description: >-
#   Access Analyzer reports resources (buckets, keys, roles, queues ...) shared outside the account
#   or organisation. CIS asks for an active analyzer in each region.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html
# custom:
#   id: AVD-AWS-0175
#   avd_id: AVD-AWS-0175
#   provider: aws
#   impact: >-
#     Access Analyzer reports resources (buckets, roles, keys, queues) that are shared outside the
#     account or organization. Without an analyzer in a region, an unintended public or
#     cross-account grant there goes unnoticed.
#   remediation:
#     console: >-
#       IAM console > Access analyzer > Analyzer settings > Create analyzer; choose the account (or
#       organization) as the zone of trust. Repeat in every region you use.
#     cli: >-
#       aws accessanalyzer create-analyzer --analyzer-name account-analyzer --type ACCOUNT --region
#       REGION
#     terraform: >-
#       aws_accessanalyzer_analyzer: analyzer_name = "account-analyzer", type = "ACCOUNT" (one per
#       region provider)
#   service: accessanalyzer
#   severity: LOW
#   short_code: enable-access-analyzer
#   recommended_action: "Create an account (or organization) analyzer in the region."
#   frameworks:
#     cis-aws-1.4:
#       - "1.20"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: accessanalyzer
#             provider: aws
package builtin.aws.accessanalyzer.aws0175

import rego.v1

import data.lib.osprey

active if {
	some a in input.aws.accessanalyzer.analyzers
	a.active.value == true
}

deny contains res if {
	input.aws.accessanalyzer
	not active
	res := result.new("No active IAM Access Analyzer in this region.", osprey.cause(osprey.account_arn("access-analyzer", osprey.region, "analyzer/*")))
}

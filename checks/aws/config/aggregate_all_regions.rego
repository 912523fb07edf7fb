# METADATA
# title: "Config aggregators cover all regions"
# description: >-
#   An aggregator that collects from only some regions gives a partial picture; resources in the
#   missing regions are invisible to whoever relies on it.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html
# custom:
#   id: AVD-AWS-0019
#   avd_id: AVD-AWS-0019
#   provider: aws
#   impact: >-
#     An aggregator that covers only some regions gives a partial inventory: resources created in
#     the other regions never show up in the compliance view.
#   remediation:
#     console: >-
#       AWS Config console > Aggregators > the aggregator > Edit: Regions: Include all AWS regions
#       (and future regions).
#     cli: >-
#       aws configservice put-configuration-aggregator --configuration-aggregator-name AGGREGATOR
#       --account-aggregation-sources '[{"AccountIds":["ACCOUNT"],"AllAwsRegions":true}]'
#     terraform: >-
#       aws_config_configuration_aggregator: account_aggregation_source { account_ids = [...],
#       all_regions = true }
#   service: config
#   severity: HIGH
#   short_code: aggregate-all-regions
#   recommended_action: "Set the aggregator's source to all AWS regions (AllAwsRegions)."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: config
#             provider: aws
package builtin.aws.config.aws0019

import rego.v1

deny contains res if {
	agg := input.aws.config.configurationaggregrator
	not agg.sourceallregions.value == true
	res := result.new("The Config aggregator does not collect from all regions.", agg)
}

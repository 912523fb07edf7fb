package builtin.aws.config.aws0019_test

import rego.v1

import data.builtin.aws.config.aws0019 as check

test_fails_for_partial_aggregator if {
	count(check.deny) == 1 with input as {"aws": {"config": {"configurationaggregrator": {"sourceallregions": {"value": false}}}}}
}

test_passes_for_all_regions if {
	count(check.deny) == 0 with input as {"aws": {"config": {"configurationaggregrator": {"sourceallregions": {"value": true}}}}}
}

test_no_aggregator_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"config": {"recorders": []}}}
}

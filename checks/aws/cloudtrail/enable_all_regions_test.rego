package builtin.aws.cloudtrail.aws0014_test

import rego.v1

import data.builtin.aws.cloudtrail.aws0014 as check

all_events := [{"readwritetype": {"value": "All"}, "includemanagementevents": {"value": true}}]

test_fails_without_trails if {
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": []}}}
}

test_fails_for_single_region_trail if {
	t := {"ismultiregion": {"value": false}, "islogging": {"value": true}, "eventselectors": all_events}
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_fails_when_not_logging if {
	t := {"ismultiregion": {"value": true}, "islogging": {"value": false}, "eventselectors": all_events}
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_fails_for_write_only_selector if {
	sel := [{"readwritetype": {"value": "WriteOnly"}, "includemanagementevents": {"value": true}}]
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": sel}
	count(check.deny) == 1 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_passes_with_compliant_trail if {
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": all_events}
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_passes_with_default_selectors if {
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": [], "advancedeventselectors": []}
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_passes_with_advanced_selector if {
	fs := [{"field": {"value": "eventCategory"}, "equals": [{"value": "Management"}]}]
	t := {"ismultiregion": {"value": true}, "islogging": {"value": true}, "eventselectors": [], "advancedeventselectors": [{"fieldselectors": fs}]}
	count(check.deny) == 0 with input as {"aws": {"cloudtrail": {"trails": [t]}}}
}

test_silent_when_cloudtrail_not_collected if {
	count(check.deny) == 0 with input as {"aws": {"s3": {"buckets": []}}}
}

package builtin.aws.apigateway.aws0190_test

import rego.v1

import data.builtin.aws.apigateway.aws0190 as check

inp(stage) := {"aws": {"apigateway": {"v1": {"apis": [{"stages": [stage]}]}}}}

test_fails_when_caching_is_off if {
	count(check.deny) == 1 with input as inp({"cacheclusterenabled": {"value": true}, "restmethodsettings": [{"cacheenabled": {"value": false}}]})
}

test_fails_once_without_a_cache_cluster if {
	count(check.deny) == 1 with input as inp({"cacheclusterenabled": {"value": false}, "restmethodsettings": [{"cacheenabled": {"value": false}, "defaulted": {"value": true}}]})
}

# Trivy sees only explicit method settings; the collector adds the stage default (*/*, no caching)
test_fails_on_the_defaulted_stage_entry if {
	count(check.deny) == 1 with input as inp({"restmethodsettings": [{"method": {"value": "*/*"}, "cacheenabled": {"value": false}, "defaulted": {"value": true}}]})
}

test_passes_when_cached if {
	count(check.deny) == 0 with input as inp({"cacheclusterenabled": {"value": true}, "restmethodsettings": [{"cacheenabled": {"value": true}}]})
}

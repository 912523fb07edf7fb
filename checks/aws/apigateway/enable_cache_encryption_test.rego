package builtin.aws.apigateway.aws0002_test

import rego.v1

import data.builtin.aws.apigateway.aws0002 as check

inp(cluster, enabled, encrypted) := {"aws": {"apigateway": {"v1": {"apis": [{"stages": [{
	"cacheclusterenabled": {"value": cluster},
	"restmethodsettings": [{"method": {"value": "*/*"}, "cacheenabled": {"value": enabled}, "cachedataencrypted": {"value": encrypted}}],
}]}]}}}}

test_fails_when_caching_unencrypted if {
	count(check.deny) == 1 with input as inp(true, true, false)
}

test_passes_when_encrypted if {
	count(check.deny) == 0 with input as inp(true, true, true)
}

test_passes_when_caching_is_off if {
	count(check.deny) == 0 with input as inp(true, false, false)
}

test_passes_without_a_cache_cluster if {
	count(check.deny) == 0 with input as inp(false, true, false)
}

# Trivy's inputs carry no cacheclusterenabled: judged on the settings alone
test_fails_without_cluster_field if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v1": {"apis": [{"stages": [{"restmethodsettings": [{"cacheenabled": {"value": true}}]}]}]}}}}
}

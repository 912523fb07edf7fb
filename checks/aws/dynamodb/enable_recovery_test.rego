package builtin.aws.dynamodb.aws0024_test

import rego.v1

import data.builtin.aws.dynamodb.aws0024 as check

tables(t) := {"aws": {"dynamodb": {"tables": t}}}

test_fails_when_pitr_is_off if {
	count(check.deny) == 1 with input as tables([{"name": {"value": "t"}, "pointintimerecovery": {"value": false}}])
}

test_passes_when_pitr_is_on if {
	count(check.deny) == 0 with input as tables([{"name": {"value": "t"}, "pointintimerecovery": {"value": true}}])
}

# Trivy's adapter never reads the PITR status (its error test is inverted), so every table failed there.
test_only_the_table_without_pitr_fails if {
	count(check.deny) == 1 with input as tables([
		{"name": {"value": "on"}, "pointintimerecovery": {"value": true}},
		{"name": {"value": "off"}, "pointintimerecovery": {"value": false}},
	])
}

test_dax_clusters_are_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"dynamodb": {"tables": [], "daxclusters": [{"name": {"value": "c"}, "serversideencryption": {"enabled": {"value": true}}}]}}}
}

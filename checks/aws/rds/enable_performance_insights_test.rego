package builtin.aws.rds.aws0133_test

import rego.v1

import data.builtin.aws.rds.aws0133 as check

test_fails_without_performance_insights if {
	count(check.deny) == 2 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db19"}, "performanceinsights": {"enabled": {"value": false}}}, {"dbinstanceidentifier": {"value": "db20"}, "performanceinsights": {}}]}}}
}

test_passes_with_performance_insights if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db21"}, "performanceinsights": {"enabled": {"value": true}}}], "clusters": [{"clusteridentifier": {"value": "c22"}, "engine": {"value": "postgres"}, "performanceinsights": {"enabled": {"value": true}}}]}}}
}

test_skips_aurora_clusters if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"clusters": [{"clusteridentifier": {"value": "c23"}, "engine": {"value": "aurora-mysql"}, "performanceinsights": {}}]}}}
}

package builtin.aws.elasticache.osp0110_test

import rego.v1

import data.builtin.aws.elasticache.osp0110 as check

test_fails_when_disabled if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"replicationgroups": [{"automaticfailover": {"value": "disabled"}}]}}}
}

test_passes_when_enabled_or_enabling if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"replicationgroups": [{"automaticfailover": {"value": "enabled"}}, {"automaticfailover": {"value": "enabling"}}]}}}
}

test_fails_when_missing if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"replicationgroups": [{"replicationgroupid": {"value": "g"}}]}}}
}

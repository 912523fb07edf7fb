package builtin.aws.elasticache.osp0111_test

import rego.v1

import data.builtin.aws.elasticache.osp0111 as check

doc(auth, version) := {"aws": {"elasticache": {
	"replicationgroups": [{"replicationgroupid": {"value": "g"}, "engine": {"value": "redis"}, "authtokenenabled": {"value": auth}}],
	"clusters": [{"replicationgroupid": {"value": "g"}, "engine": {"value": "redis"}, "engineversion": {"value": version}}],
}}}

test_fails_redis5_without_auth if {
	count(check.deny) == 1 with input as doc(false, "5.0.6")
}

test_passes_redis5_with_auth if {
	count(check.deny) == 0 with input as doc(true, "5.0.6")
}

test_redis6_and_later_are_not_judged if {
	count(check.deny) == 0 with input as doc(false, "6.2")
	count(check.deny) == 0 with input as doc(false, "7.1")
}

test_unknown_version_is_not_a_finding if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"replicationgroups": [{"replicationgroupid": {"value": "g"}, "authtokenenabled": {"value": false}}]}}}
}

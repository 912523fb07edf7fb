package builtin.aws.elasticache.aws0050_test

import rego.v1

import data.builtin.aws.elasticache.aws0050 as check

cluster(engine, limit) := {"clusterid": {"value": "c"}, "engine": {"value": engine}, "nodetype": {"value": "cache.t3.micro"}, "snapshotretentionlimit": {"value": limit}}

test_fails_redis_without_backups if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"clusters": [cluster("redis", 0)]}}}
}

test_fails_valkey_without_backups if {
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"clusters": [cluster("valkey", 0)]}}}
}

test_passes_with_backups if {
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": [cluster("redis", 1), cluster("valkey", 7)]}}}
}

test_memcached_and_t1_micro_are_not_judged if {
	t1 := object.union(cluster("redis", 0), {"nodetype": {"value": "cache.t1.micro"}})
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"clusters": [cluster("memcached", 0), t1]}}}
}

test_serverless_caches_are_judged if {
	s := {"name": {"value": "s"}, "engine": {"value": "valkey"}, "snapshotretentionlimit": {"value": 0}}
	count(check.deny) == 1 with input as {"aws": {"elasticache": {"serverlesscaches": [s]}}}
	ok := {"name": {"value": "s"}, "engine": {"value": "redis"}, "snapshotretentionlimit": {"value": 1}}
	count(check.deny) == 0 with input as {"aws": {"elasticache": {"serverlesscaches": [ok]}}}
}

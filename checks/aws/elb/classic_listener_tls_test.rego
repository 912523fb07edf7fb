package builtin.aws.elb.osp0020_test

import rego.v1

import data.builtin.aws.elb.osp0020 as check

clb(protocol) := {"aws": {"elb": {"loadbalancers": [{"type": {"value": "classic"}, "listeners": [{"protocol": {"value": protocol}, "port": {"value": 80}}]}]}}}

test_http_listener_fails if {
	count(check.deny) == 1 with input as clb("HTTP")
}

test_tcp_listener_fails if {
	count(check.deny) == 1 with input as clb("TCP")
}

test_https_listener_passes if {
	count(check.deny) == 0 with input as clb("HTTPS")
}

test_ssl_listener_passes if {
	count(check.deny) == 0 with input as clb("SSL")
}

test_application_http_is_left_to_0054 if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "listeners": [{"protocol": {"value": "HTTP"}}]}]}}}
}

package builtin.aws.elb.aws0054_test

import rego.v1

import data.builtin.aws.elb.aws0054 as check

lb(actions) := {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "listeners": [{"protocol": {"value": "HTTP"}, "port": {"value": 80}, "defaultactions": actions}]}]}}}

test_http_forward_fails if {
	count(check.deny) == 1 with input as lb([{"type": {"value": "forward"}}])
}

test_redirect_to_http_fails if {
	count(check.deny) == 1 with input as lb([{"type": {"value": "redirect"}, "redirectprotocol": {"value": "#{protocol}"}}])
}

test_redirect_to_https_passes if {
	count(check.deny) == 0 with input as lb([{"type": {"value": "redirect"}, "redirectprotocol": {"value": "HTTPS"}}])
}

test_redirect_protocol_unknown_passes if {
	count(check.deny) == 0 with input as lb([{"type": {"value": "redirect"}}])
}

test_https_listener_passes if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "application"}, "listeners": [{"protocol": {"value": "HTTPS"}, "defaultactions": []}]}]}}}
}

test_classic_http_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [{"type": {"value": "classic"}, "listeners": [{"protocol": {"value": "HTTP"}, "defaultactions": []}]}]}}}
}

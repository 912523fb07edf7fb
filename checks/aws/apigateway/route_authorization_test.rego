package builtin.aws.apigateway.osp0073_test

import rego.v1

import data.builtin.aws.apigateway.osp0073 as check

inp(protocol, key, auth) := {"aws": {"apigateway": {"v2": {"apis": [{"protocoltype": {"value": protocol}, "routes": [{"routekey": {"value": key}, "authorizationtype": {"value": auth}}]}]}}}}

test_fails_http_route_none if {
	count(check.deny) == 1 with input as inp("HTTP", "GET /pets", "NONE")
}

test_fails_http_route_without_type if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v2": {"apis": [{"protocoltype": {"value": "HTTP"}, "routes": [{"routekey": {"value": "$default"}}]}]}}}}
}

test_passes_http_route_jwt if {
	count(check.deny) == 0 with input as inp("HTTP", "GET /pets", "JWT")
}

test_fails_websocket_connect_none if {
	count(check.deny) == 1 with input as inp("WEBSOCKET", "$connect", "NONE")
}

test_websocket_message_routes_are_not_judged if {
	count(check.deny) == 0 with input as inp("WEBSOCKET", "sendmessage", "NONE")
}

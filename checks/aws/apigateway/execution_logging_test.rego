package builtin.aws.apigateway.osp0071_test

import rego.v1

import data.builtin.aws.apigateway.osp0071 as check

rest(settings) := {"aws": {"apigateway": {"v1": {"apis": [{"stages": [{"restmethodsettings": settings}]}]}}}}

ms(method, level) := {"method": {"value": method}, "logginglevel": {"value": level}}

ws(protocol, stage) := {"aws": {"apigateway": {"v2": {"apis": [{"protocoltype": {"value": protocol}, "stages": [stage]}]}}}}

test_fails_rest_stage_off if {
	count(check.deny) == 1 with input as rest([ms("*/*", "OFF")])
}

test_fails_rest_stage_without_level if {
	count(check.deny) == 1 with input as rest([{"method": {"value": "*/*"}}])
}

test_fails_rest_method_override_off if {
	count(check.deny) == 1 with input as rest([ms("*/*", "ERROR"), ms("/pets/GET", "OFF")])
}

test_passes_rest_error_and_info if {
	count(check.deny) == 0 with input as rest([ms("*/*", "ERROR"), ms("/pets/GET", "INFO"), {"method": {"value": "/x/POST"}}])
}

test_fails_websocket_default_off if {
	count(check.deny) == 1 with input as ws("WEBSOCKET", {"defaultroutesettings": {"logginglevel": {"value": "OFF"}}, "routesettings": []})
}

test_fails_websocket_route_off if {
	count(check.deny) == 1 with input as ws("WEBSOCKET", {"defaultroutesettings": {"logginglevel": {"value": "INFO"}}, "routesettings": [{"routekey": {"value": "$connect"}, "logginglevel": {"value": "OFF"}}]})
}

test_passes_websocket_error if {
	count(check.deny) == 0 with input as ws("WEBSOCKET", {"defaultroutesettings": {"logginglevel": {"value": "ERROR"}}, "routesettings": []})
}

test_http_apis_are_not_judged if {
	count(check.deny) == 0 with input as ws("HTTP", {"defaultroutesettings": {}})
}

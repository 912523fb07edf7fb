package builtin.aws.apigateway.osp0074_test

import rego.v1

import data.builtin.aws.apigateway.osp0074 as check

allow_all := {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}

deny_other_vpce := {"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}}

inp(types, statements) := {"aws": {"apigateway": {"v1": {"apis": [{
	"name": {"value": "internal"},
	"endpointtypes": [{"value": t} | some t in types],
	"policy": {"value": json.marshal({"Version": "2012-10-17", "Statement": statements})},
}]}}}}

test_fails_private_api_open_to_every_endpoint if {
	count(check.deny) == 1 with input as inp(["PRIVATE"], [allow_all])
}

test_fails_with_principal_aws_star_and_a_single_statement_object if {
	count(check.deny) == 1 with input as {"aws": {"apigateway": {"v1": {"apis": [{
		"endpointtypes": [{"value": "PRIVATE"}],
		"policy": {"value": json.marshal({"Statement": {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": ["execute-api:*"]}})},
	}]}}}}
}

test_passes_with_the_deny_other_endpoints_pattern if {
	count(check.deny) == 0 with input as inp(["PRIVATE"], [allow_all, deny_other_vpce])
}

test_passes_with_a_condition_on_the_allow if {
	count(check.deny) == 0 with input as inp(["PRIVATE"], [object.union(allow_all, {"Condition": {"StringEquals": {"aws:SourceVpc": "vpc-1"}}})])
}

test_passes_an_account_principal if {
	count(check.deny) == 0 with input as inp(["PRIVATE"], [object.union(allow_all, {"Principal": {"AWS": "arn:aws:iam::111122223333:root"}})])
}

test_regional_apis_are_not_judged if {
	count(check.deny) == 0 with input as inp(["REGIONAL"], [allow_all])
}

test_private_api_without_policy_passes if {
	count(check.deny) == 0 with input as {"aws": {"apigateway": {"v1": {"apis": [{"endpointtypes": [{"value": "PRIVATE"}]}]}}}}
}

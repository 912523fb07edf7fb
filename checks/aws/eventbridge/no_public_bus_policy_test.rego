package builtin.aws.eventbridge.osp0091_test

import rego.v1

import data.builtin.aws.eventbridge.osp0091 as check

bus(extra) := {"aws": {"eventbridge": {"buses": [object.union(
	{"name": {"value": "orders"}, "arn": {"value": "arn:aws:events:us-east-1:111122223333:event-bus/orders"}},
	extra,
)]}}}

pol(principal, cond) := {"policy": {"value": json.marshal({"Version": "2012-10-17", "Statement": [object.union(
	{"Sid": "all", "Effect": "Allow", "Principal": principal, "Action": "events:PutEvents", "Resource": "*"},
	cond,
)]})}}

test_fails_for_any_principal if {
	some r in check.deny with input as bus(pol("*", {}))
	r.msg == "Event bus 'orders' accepts events from any AWS account (statement all)."
}

# moto (and the API, for put-permission --principal '*') writes every account's root
test_fails_for_every_accounts_root if {
	count(check.deny) == 1 with input as bus(pol({"AWS": "arn:aws:iam::*:root"}, {}))
}

test_passes_for_named_accounts_org_condition_or_no_policy if {
	count(check.deny) == 0 with input as bus(pol({"AWS": "arn:aws:iam::444455556666:root"}, {}))
	count(check.deny) == 0 with input as bus(pol("*", {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}))
	count(check.deny) == 0 with input as bus({})
}

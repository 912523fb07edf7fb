package builtin.aws.glacier.osp0090_test

import rego.v1

import data.builtin.aws.glacier.osp0090 as check

vault(policy) := {"aws": {"glacier": {"vaults": [object.union(
	{"name": {"value": "backups"}, "arn": {"value": "arn:aws:glacier:us-east-1:111122223333:vaults/backups"}},
	policy,
)]}}}

doc(principal, cond) := {"policy": {"value": json.marshal({"Version": "2012-10-17", "Statement": [object.union(
	{"Sid": "s1", "Effect": "Allow", "Principal": principal, "Action": "glacier:*", "Resource": "*"},
	cond,
)]})}}

test_fails_for_everyone if {
	some r in check.deny with input as vault(doc("*", {}))
	r.msg == "Glacier vault 'backups' has a policy any AWS account matches (statement s1)."
}

test_fails_for_every_accounts_root if {
	count(check.deny) == 1 with input as vault(doc({"AWS": "arn:aws:iam::*:root"}, {}))
}

test_passes_for_a_named_account_an_org_condition_or_no_policy if {
	count(check.deny) == 0 with input as vault(doc({"AWS": "arn:aws:iam::444455556666:root"}, {}))
	count(check.deny) == 0 with input as vault(doc("*", {"Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}))
	count(check.deny) == 0 with input as vault({})
}

package builtin.aws.organizations.osp0093_test

import rego.v1

import data.builtin.aws.organizations.osp0093 as check

state(listed, admins) := {"aws": {"organizations": {
	"organization": {
		"__defsec_metadata": {"resource": "arn:aws:organizations::111122223333:organization/o-abc"},
		"id": {"value": "o-abc"}, "inuse": {"value": true}, "delegatedadministratorslisted": {"value": listed},
	},
	"delegatedadministrators": admins,
}}}

admin := {"id": {"value": "444455556666"}, "name": {"value": "security"}, "status": {"value": "ACTIVE"}}

test_fails_without_delegated_administrators if {
	some r in check.deny with input as state(true, [])
	r.msg == "Organization 'o-abc' has no delegated administrator: policies and integrated services are run from the management account."
}

test_passes_with_one if {
	count(check.deny) == 0 with input as state(true, [admin])
	count(check.not_evaluated) == 0 with input as state(true, [admin])
}

test_member_account_cannot_tell if {
	count(check.deny) == 0 with input as state(false, [])
	some reason in check.not_evaluated with input as state(false, [])
	contains(reason, "only from the management account")
}

test_no_organization_is_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"organizations": {"organization": {"inuse": {"value": false}}}}}
	count(check.not_evaluated) == 0 with input as {"aws": {"organizations": {"organization": {"inuse": {"value": false}}}}}
}

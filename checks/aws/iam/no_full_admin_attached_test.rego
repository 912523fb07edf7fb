package builtin.aws.iam.osp0009_test

import rego.v1

import data.builtin.aws.iam.osp0009 as check

admin_doc := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})

read_doc := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}]})

aws_admin := {"name": {"value": "AdministratorAccess"}, "builtin": {"value": true}, "inline": {"value": false}, "arn": {"value": "arn:aws:iam::aws:policy/AdministratorAccess"}}

# The 1.4 case the 1.2 check (customer policies only) lets through.
test_fails_for_aws_managed_admin_attached_to_user if {
	count(check.deny) == 1 with input as {"aws": {"iam": {"users": [{"name": {"value": "alice"}, "policies": [aws_admin]}]}}}
}

test_fails_for_customer_policy_attached_to_role_document_from_account_list if {
	p := {"name": {"value": "all"}, "builtin": {"value": false}, "inline": {"value": false}, "arn": {"value": "arn:aws:iam::123456789012:policy/all"}}
	d := {"aws": {"iam": {
		"roles": [{"name": {"value": "r"}, "policies": [p]}],
		"policies": [object.union(p, {"document": {"value": admin_doc}})]
	}}}
	count(check.deny) == 1 with input as d
}

test_fails_for_conditional_inline_admin_on_group if {
	doc := json.marshal({"Statement": [{"Effect": "Allow", "Action": ["*"], "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]})
	g := {"name": {"value": "ops"}, "policies": [{"name": {"value": "i"}, "inline": {"value": true}, "document": {"value": doc}}]}
	count(check.deny) == 1 with input as {"aws": {"iam": {"groups": [g]}}}
}

test_passes_for_narrow_policies_and_unattached_admin if {
	d := {"aws": {"iam": {
		"users": [{"name": {"value": "bob"}, "policies": [{"name": {"value": "ro"}, "inline": {"value": true}, "document": {"value": read_doc}}]}],
		"policies": [{"name": {"value": "all"}, "builtin": {"value": false}, "arn": {"value": "arn:aws:iam::123456789012:policy/all"}, "document": {"value": admin_doc}}]
	}}}
	count(check.deny) == 0 with input as d
}

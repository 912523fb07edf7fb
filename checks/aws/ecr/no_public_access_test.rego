package builtin.aws.ecr.aws0032_test

import rego.v1

import data.builtin.aws.ecr.aws0032 as check

doc(principal, action) := json.marshal({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": principal, "Action": action}]})

repo(d) := {"aws": {"ecr": {"repositories": [{"name": {"value": "r"}, "policies": [{"document": {"value": d}}]}]}}}

test_star_principal_fails if {
	count(check.deny) == 1 with input as repo(doc("*", ["ecr:BatchGetImage"]))
}

test_action_as_string_fails if {
	count(check.deny) == 1 with input as repo(doc({"AWS": "*"}, "ecr:*"))
}

test_all_actions_fails if {
	count(check.deny) == 1 with input as repo(doc({"AWS": ["*"]}, "*"))
}

test_named_account_passes if {
	count(check.deny) == 0 with input as repo(doc({"AWS": "arn:aws:iam::111122223333:root"}, "ecr:*"))
}

test_deny_statement_passes if {
	count(check.deny) == 0 with input as repo(json.marshal({"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "ecr:*"}]}))
}

test_malformed_document_passes if {
	count(check.deny) == 0 with input as repo("not json")
}

package builtin.aws.ssm.osp0092_test

import rego.v1

import data.builtin.aws.ssm.osp0092 as check

secret(extra) := {"aws": {"ssm": {"secrets": [object.union(
	{"name": {"value": "db"}, "arn": {"value": "arn:aws:secretsmanager:us-east-1:111122223333:secret:db-AbCdEf"}},
	extra,
)]}}}

pol(stmts) := {"policy": {"value": json.marshal({"Version": "2012-10-17", "Statement": stmts})}}

test_fails_for_everyone if {
	some r in check.deny with input as secret(pol([{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Resource": "*"}]))
	r.msg == "Secret 'db' has a resource policy any AWS account matches (statement #0)."
}

test_fails_for_aws_star if {
	count(check.deny) == 1 with input as secret(pol([{"Sid": "x", "Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "secretsmanager:*"}]))
}

test_passes_for_named_denied_restricted_or_none if {
	count(check.deny) == 0 with input as secret(pol([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:role/app"}, "Action": "secretsmanager:GetSecretValue"}]))
	count(check.deny) == 0 with input as secret(pol([{"Effect": "Deny", "Principal": "*", "Action": "secretsmanager:*"}]))
	count(check.deny) == 0 with input as secret(pol([{"Effect": "Allow", "Principal": "*", "Action": "secretsmanager:GetSecretValue", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}}]))
	count(check.deny) == 0 with input as secret({})
}

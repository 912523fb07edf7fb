package lib.aws.publicpolicy_test

import rego.v1

import data.lib.aws.publicpolicy

doc(stmt) := json.marshal({"Version": "2012-10-17", "Statement": stmt})

test_star_principals_are_public if {
	publicpolicy.is_public(doc([{"Effect": "Allow", "Principal": "*", "Action": "x:Y"}]))
	publicpolicy.is_public(doc({"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "x:Y"}))
	publicpolicy.is_public(doc([{"Sid": "all", "Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "arn:aws:iam::*:root"]}}]))
	publicpolicy.public_statements(doc([{"Sid": "all", "Effect": "Allow", "Principal": "*"}])) == {"all"}
}

test_named_denied_or_restricted_are_not_public if {
	not publicpolicy.is_public(doc([{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}}]))
	not publicpolicy.is_public(doc([{"Effect": "Deny", "Principal": "*"}]))
	not publicpolicy.is_public(doc([{"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}]))
	not publicpolicy.is_public(doc([{"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}}]))
	not publicpolicy.is_public("not json")
	not publicpolicy.is_public("")
}

test_a_condition_that_restricts_nobody_stays_public if {
	publicpolicy.is_public(doc([{"Effect": "Allow", "Principal": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]))
}

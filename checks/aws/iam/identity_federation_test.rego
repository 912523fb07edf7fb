package builtin.aws.iam.osp0142_test

import rego.v1

import data.builtin.aws.iam.osp0142 as check

iam(saml, oidc) := {"samlproviders": saml, "oidcproviders": oidc}

sso(insts) := {"instances": insts, "regions": [{"value": "us-east-1"}, {"value": "eu-west-1"}]}

test_fails_without_any_federation if {
	count(check.deny) == 1 with input as {"aws": {"iam": iam([], []), "ssoadmin": sso([])}}
}

test_passes_with_saml_provider if {
	count(check.deny) == 0 with input as {"aws": {"iam": iam([{"arn": {"value": "arn:aws:iam::1:saml-provider/okta"}}], []), "ssoadmin": sso([])}}
}

test_passes_with_oidc_provider if {
	count(check.deny) == 0 with input as {"aws": {"iam": iam([], [{"arn": {"value": "arn:aws:iam::1:oidc-provider/idp"}}]), "ssoadmin": sso([])}}
}

test_passes_with_identity_center if {
	count(check.deny) == 0 with input as {"aws": {"iam": iam([], []), "ssoadmin": sso([{"arn": {"value": "arn:aws:sso:::instance/ssoins-1"}, "status": {"value": "ACTIVE"}}])}}
}

test_instance_being_deleted_does_not_count if {
	count(check.deny) == 1 with input as {"aws": {"iam": iam([], []), "ssoadmin": sso([{"arn": {"value": "arn:aws:sso:::instance/ssoins-1"}, "status": {"value": "DELETE_IN_PROGRESS"}}])}}
}

test_not_evaluated_without_identity_center if {
	count(check.deny) == 0 with input as {"aws": {"iam": iam([], [])}}
	count(check.not_evaluated) == 1 with input as {"aws": {"iam": iam([], [])}}
}

test_not_evaluated_when_provider_lists_unknown if {
	count(check.deny) == 0 with input as {"aws": {"iam": {}, "ssoadmin": sso([])}}
	count(check.not_evaluated) == 1 with input as {"aws": {"iam": {}, "ssoadmin": sso([])}}
}

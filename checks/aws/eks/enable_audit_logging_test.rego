package builtin.aws.eks.osp0165_test

import rego.v1

import data.builtin.aws.eks.osp0165 as check

doc(logging) := {"aws": {"eks": {"clusters": [{"name": {"value": "k"}, "logging": logging}]}}}

test_fails_without_audit_logs if {
	count(check.deny) == 1 with input as doc({"api": {"value": true}, "audit": {"value": false}})
}

test_passes_with_audit_logs_only if {
	count(check.deny) == 0 with input as doc({"api": {"value": false}, "audit": {"value": true}})
}

test_unknown_setting_is_not_a_failure if {
	count(check.deny) == 0 with input as doc({})
}

package builtin.aws.emr.osp0138_test

import rego.v1

import data.builtin.aws.emr.osp0138 as check

doc(on, ranges) := {"aws": {"emr": {"clusters": [], "blockpublicaccess": {"blockpublicsecuritygrouprules": {"value": on}, "permittedpublicsecuritygroupruleranges": ranges}}}}

test_fails_off if {
	count(check.deny) == 1 with input as doc(false, [])
}

test_passes_on_with_ssh_exception if {
	count(check.deny) == 0 with input as doc(true, [{"minrange": {"value": 22}, "maxrange": {"value": 22}}])
}

test_fails_wide_exception if {
	count(check.deny) == 1 with input as doc(true, [{"minrange": {"value": 22}, "maxrange": {"value": 22}}, {"minrange": {"value": 8000}, "maxrange": {"value": 9000}}])
}

test_not_collected_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"emr": {"clusters": []}}}
}

package builtin.aws.rds.osp0010_test

import rego.v1

import data.builtin.aws.rds.osp0010 as check

test_fails_when_off if {
	count(check.deny) == 1 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db42"}, "autominorversionupgrade": {"value": false}}]}}}
}

test_passes_when_on if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db43"}, "autominorversionupgrade": {"value": true}}]}}}
}

test_passes_when_not_reported if {
	count(check.deny) == 0 with input as {"aws": {"rds": {"instances": [{"dbinstanceidentifier": {"value": "db44"}}]}}}
}

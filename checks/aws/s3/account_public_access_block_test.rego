package builtin.aws.s3.osp0160_test

import rego.v1

import data.builtin.aws.s3.osp0160 as check

doc(block) := {"aws": {"s3": {"buckets": [], "accountpublicaccessblock": block}}}

all_on := {"exists": {"value": true}, "blockpublicacls": {"value": true}, "blockpublicpolicy": {"value": true}, "ignorepublicacls": {"value": true}, "restrictpublicbuckets": {"value": true}}

test_fails_without_an_account_block if {
	count(check.deny) == 1 with input as doc({"exists": {"value": false}})
}

test_fails_on_each_setting_left_off if {
	count(check.deny) == 2 with input as doc(object.union(all_on, {"blockpublicpolicy": {"value": false}, "restrictpublicbuckets": {"value": false}}))
}

test_passes_with_all_four_on if {
	count(check.deny) == 0 with input as doc(all_on)
}

# s3 not collected: nothing judged
test_no_s3_state_is_not_a_failure if {
	count(check.deny) == 0 with input as {"aws": {}}
}

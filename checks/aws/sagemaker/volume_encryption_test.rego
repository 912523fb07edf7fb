package builtin.aws.sagemaker.osp0153_test

import rego.v1

import data.builtin.aws.sagemaker.osp0153 as check

nb(extra) := {"aws": {"sagemaker": {"notebookinstances": [object.union({"name": {"value": "nb1"}}, extra)]}}}

test_fails if {
	count(check.deny) == 1 with input as nb({"kmskeyid": {"value": ""}})
}

test_passes if {
	count(check.deny) == 0 with input as nb({"kmskeyid": {"value": "arn:aws:kms:us-east-1:111122223333:key/k1"}})
}

test_no_notebooks_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"sagemaker": {"notebookinstances": []}}}
}

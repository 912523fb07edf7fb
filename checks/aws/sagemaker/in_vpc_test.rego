package builtin.aws.sagemaker.osp0151_test

import rego.v1

import data.builtin.aws.sagemaker.osp0151 as check

nb(extra) := {"aws": {"sagemaker": {"notebookinstances": [object.union({"name": {"value": "nb1"}}, extra)]}}}

test_fails if {
	count(check.deny) == 1 with input as nb({"subnetid": {"value": ""}})
}

test_passes if {
	count(check.deny) == 0 with input as nb({"subnetid": {"value": "subnet-0abc"}})
}

test_no_notebooks_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"sagemaker": {"notebookinstances": []}}}
}

package builtin.aws.sagemaker.osp0152_test

import rego.v1

import data.builtin.aws.sagemaker.osp0152 as check

nb(extra) := {"aws": {"sagemaker": {"notebookinstances": [object.union({"name": {"value": "nb1"}}, extra)]}}}

test_fails if {
	count(check.deny) == 1 with input as nb({"rootaccess": {"value": true}})
}

test_passes if {
	count(check.deny) == 0 with input as nb({"rootaccess": {"value": false}})
}

test_no_notebooks_no_finding if {
	count(check.deny) == 0 with input as {"aws": {"sagemaker": {"notebookinstances": []}}}
}

package builtin.aws.cloudfront.aws0012_test

import rego.v1

import data.builtin.aws.cloudfront.aws0012 as check

d(def, ord) := {"aws": {"cloudfront": {"distributions": [{"defaultcachebehaviour": {"viewerprotocolpolicy": {"value": def}}, "orderercachebehaviours": [{"viewerprotocolpolicy": {"value": p}} | some p in ord]}]}}}

test_fails_for_allow_all_default if {
	count(check.deny) == 1 with input as d("allow-all", [])
}

test_fails_for_allow_all_ordered if {
	count(check.deny) == 1 with input as d("https-only", ["redirect-to-https", "allow-all"])
}

test_passes_for_https if {
	count(check.deny) == 0 with input as d("redirect-to-https", ["https-only"])
}

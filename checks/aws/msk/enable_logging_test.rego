package builtin.aws.msk.aws0074_test

import rego.v1

import data.builtin.aws.msk.aws0074 as check

off := {"enabled": {"value": false}}

on := {"enabled": {"value": true}}

doc(cw, fh, s3) := {"aws": {"msk": {"clusters": [{"name": {"value": "k"}, "logging": {"broker": {"cloudwatch": cw, "firehose": fh, "s3": s3}}}]}}}

test_fails_without_logs if {
	count(check.deny) == 1 with input as doc(off, off, off)
	count(check.deny) == 1 with input as {"aws": {"msk": {"clusters": [{"name": {"value": "k"}}]}}}
}

test_passes_with_any_destination if {
	count(check.deny) == 0 with input as doc(on, off, off)
	count(check.deny) == 0 with input as doc(off, on, off)
	count(check.deny) == 0 with input as doc(off, off, on)
}

test_serverless_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"msk": {"clusters": [{"clustertype": {"value": "SERVERLESS"}}]}}}
}

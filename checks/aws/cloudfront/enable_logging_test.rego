package builtin.aws.cloudfront.aws0010_test

import rego.v1

import data.builtin.aws.cloudfront.aws0010 as check

d(bucket, v2) := {"aws": {"cloudfront": {"distributions": [{"logging": {"bucket": {"value": bucket}, "v2": {"enabled": {"value": v2}}}}]}}}

test_fails_without_logging if {
	count(check.deny) == 1 with input as d("", false)
}

test_passes_with_a_bucket if {
	count(check.deny) == 0 with input as d("logs.s3.amazonaws.com", false)
}

# Trivy never fills logging.v2 and flags v2-only logging
test_passes_with_v2_logging_only if {
	count(check.deny) == 0 with input as d("", true)
}

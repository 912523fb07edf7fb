package builtin.aws.cloudfront.aws0013_test

import rego.v1

import data.builtin.aws.cloudfront.aws0013 as check

d(def, v) := {"aws": {"cloudfront": {"distributions": [{"viewercertificate": {"cloudfrontdefaultcertificate": {"value": def}, "minimumprotocolversion": {"value": v}}}]}}}

test_fails_for_old_tls_on_a_custom_certificate if {
	count(check.deny) == 1 with input as d(false, "TLSv1")
}

test_passes_for_a_current_policy if {
	count(check.deny) == 0 with input as d(false, "TLSv1.2_2021")
}

# the default certificate reports TLSv1 and cannot be changed; Trivy flags it
test_passes_for_the_default_certificate if {
	count(check.deny) == 0 with input as d(true, "TLSv1")
}

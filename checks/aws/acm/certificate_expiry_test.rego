package builtin.aws.acm.osp0061_test

import rego.v1

import data.builtin.aws.acm.osp0061 as check

# 2026-06-01T00:00:00Z
now := 1780272000000000000

certs(status, notafter) := {"aws": {"acm": {"certificates": [{"domainname": {"value": "a.example.com"}, "status": {"value": status}, "notafter": {"value": notafter}}]}}}

test_fails_within_30_days if {
	count(check.deny) == 1 with input as certs("ISSUED", "2026-06-20T00:00:00Z") with time.now_ns as now
}

test_fails_when_expired if {
	count(check.deny) == 1 with input as certs("EXPIRED", "2026-05-01T00:00:00Z") with time.now_ns as now
}

test_passes_beyond_30_days if {
	count(check.deny) == 0 with input as certs("ISSUED", "2026-07-02T00:00:00Z") with time.now_ns as now
}

test_ignores_pending_validation if {
	count(check.deny) == 0 with input as certs("PENDING_VALIDATION", "2026-06-02T00:00:00Z") with time.now_ns as now
}

test_passes_without_expiry if {
	count(check.deny) == 0 with input as {"aws": {"acm": {"certificates": [{"status": {"value": "ISSUED"}}]}}} with time.now_ns as now
}

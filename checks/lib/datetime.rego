# METADATA
# title: Date and time helpers
# description: Ages of RFC 3339 timestamps in days; the zero time means "never".
# custom:
#   library: true
package lib.datetime

import rego.v1

ns_in_day := ((24 * 60) * 60) * 1000000000

zero_time_string := "0001-01-01T00:00:00Z"

is_never(t) := t == zero_time_string

is_valid(t) := t != zero_time_string

days_to_ns(days) := days * ns_in_day

age_ns(t) := time.now_ns() - time.parse_rfc3339_ns(t)

time_diff_gt_days(t, days) := age_ns(t) > days_to_ns(days)

time_diff_lt_days(t, days) := age_ns(t) < days_to_ns(days)

# METADATA
# title: Wrapped value helpers
# description: "Compare wrapped {\"value\": X} scalars; unresolvable values never compare true."
# custom:
#   library: true
package lib.cloud.value

import rego.v1

is_unresolvable(v) if v.unresolvable

is_known(v) if not is_unresolvable(v)

is_equal(v, raw) := false if {
	is_unresolvable(v)
} else := v.value == raw

is_not_equal(v, raw) := false if {
	is_unresolvable(v)
} else := v.value != raw

is_empty(v) := is_equal(v, "")

is_not_empty(v) := is_not_equal(v, "")

is_true(v) := is_equal(v, true)

is_false(v) := is_equal(v, false)

less_than(v, other) := false if {
	is_unresolvable(v)
} else := v.value < other

greater_than(v, other) := false if {
	is_unresolvable(v)
} else := v.value > other

# METADATA
# title: Assertions for check tests
# description: "The lib.test helpers Trivy check tests import: assert_empty, assert_count, assert_equal_message."
# custom:
#   library: true
package lib.test

import rego.v1

# Each assertion prints what it saw when it does not hold, so `osprey rego test -v` shows why.

assert_empty(results) if count(results) == 0

assert_empty(results) := false if {
	count(results) != 0
	print("expected no results, got", results)
}

assert_count(results, n) if count(results) == n

assert_count(results, n) := false if {
	count(results) != n
	print(sprintf("expected %d result(s), got %d: %v", [n, count(results), results]))
}

# Exactly one result, whose msg is expected.
assert_equal_message(expected, results) if {
	count(results) == 1
	some r in results
	r.msg == expected
}

assert_equal_message(expected, results) := false if {
	not _one_with_message(expected, results)
	print(sprintf("expected one result with message %q, got %v", [expected, results]))
}

_one_with_message(expected, results) if {
	count(results) == 1
	some r in results
	r.msg == expected
}

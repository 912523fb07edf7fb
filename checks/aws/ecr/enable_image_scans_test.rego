package builtin.aws.ecr.aws0030_test

import rego.v1

import data.builtin.aws.ecr.aws0030 as check

repo(name, scan) := {"name": {"value": name}, "imagescanning": {"scanonpush": {"value": scan}}}

rules(filter, freq) := {"rules": [{"scanfrequency": {"value": freq}, "filters": [{"filter": {"value": filter}, "filtertype": {"value": "WILDCARD"}}]}]}

test_no_scanning_fails if {
	count(check.deny) == 1 with input as {"aws": {"ecr": {"repositories": [repo("app", false)], "registryscanning": {"rules": []}}}}
}

test_scan_on_push_passes if {
	count(check.deny) == 0 with input as {"aws": {"ecr": {"repositories": [repo("app", true)]}}}
}

test_registry_rule_matching_passes if {
	count(check.deny) == 0 with input as {"aws": {"ecr": {"repositories": [repo("prod-api", false)], "registryscanning": rules("prod-*", "CONTINUOUS_SCAN")}}}
}

test_registry_rule_not_matching_fails if {
	count(check.deny) == 1 with input as {"aws": {"ecr": {"repositories": [repo("dev.api", false)], "registryscanning": rules("dev-*", "SCAN_ON_PUSH")}}}
}

test_manual_rule_fails if {
	count(check.deny) == 1 with input as {"aws": {"ecr": {"repositories": [repo("app", false)], "registryscanning": rules("*", "MANUAL")}}}
}

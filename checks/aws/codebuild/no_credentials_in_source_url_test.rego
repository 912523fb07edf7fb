package builtin.aws.codebuild.osp0051_test

import rego.v1

import data.builtin.aws.codebuild.osp0051 as check

p(locs) := {"aws": {"codebuild": {"projects": [{"name": {"value": "p"}, "sources": [{"location": {"value": l}} | some l in locs]}]}}}

test_fails_for_a_redacted_url if {
	count(check.deny) == 1 with input as p(["[osprey-redacted:Password in URL]/org/repo.git"])
}

test_fails_for_a_clear_url_in_a_secondary_source if {
	count(check.deny) == 1 with input as p(["https://github.com/o/r.git", "https://bot:pw123456@bitbucket.org/o/r.git"])
}

test_passes_for_clean_urls if {
	count(check.deny) == 0 with input as p(["https://github.com/o/r.git"])
}

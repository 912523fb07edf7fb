package builtin.aws.codebuild.aws0018_test

import rego.v1

import data.builtin.aws.codebuild.aws0018 as check

p(primary, secondary) := {"aws": {"codebuild": {"projects": [{"name": {"value": "p"}, "artifactsettings": primary, "secondaryartifactsettings": secondary}]}}}

on := {"type": {"value": "S3"}, "encryptionenabled": {"value": true}}

off := {"type": {"value": "S3"}, "encryptionenabled": {"value": false}}

test_fails_for_unencrypted_primary if {
	count(check.deny) == 1 with input as p(off, [])
}

test_fails_for_unencrypted_secondary if {
	count(check.deny) == 1 with input as p(on, [on, off])
}

test_passes_when_all_encrypted if {
	count(check.deny) == 0 with input as p(on, [on])
}

test_passes_without_artifacts if {
	count(check.deny) == 0 with input as p({"type": {"value": "NO_ARTIFACTS"}, "encryptionenabled": {"value": false}}, [])
}

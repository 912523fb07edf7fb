package builtin.aws.iam.aws0142_test

import rego.v1

import data.builtin.aws.iam.aws0142 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_without_mfa if {
   	count(check.deny) == 1 with input as iam([root({"mfaactive": {"value": false}})])
   }

   test_passes_with_mfa if {
   	count(check.deny) == 0 with input as iam([root({"mfaactive": {"value": true}, "mfadevices": [{"isvirtual": {"value": true}}]})])
   }

   test_trivy_style_devices_only if {
   	count(check.deny) == 0 with input as iam([{"name": {"value": "root"}, "mfadevices": [{"isvirtual": {"value": false}}]}])
   }

   test_fails_trivy_style_without_devices if {
   	count(check.deny) == 1 with input as iam([{"name": {"value": "root"}, "mfadevices": []}])
   }

   test_ignores_ordinary_users if {
   	count(check.deny) == 0 with input as iam([user({"mfaactive": {"value": false}})])
   }

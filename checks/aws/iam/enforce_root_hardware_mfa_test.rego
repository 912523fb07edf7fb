package builtin.aws.iam.aws0165_test

import rego.v1

import data.builtin.aws.iam.aws0165 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_with_virtual_mfa if {
   	count(check.deny) == 1 with input as iam([root({"mfaactive": {"value": true}, "mfadevices": [{"isvirtual": {"value": true}}]})])
   }

   test_fails_without_mfa if {
   	count(check.deny) == 1 with input as iam([root({"mfaactive": {"value": false}})])
   }

   test_passes_with_hardware_mfa if {
   	count(check.deny) == 0 with input as iam([root({"mfaactive": {"value": true}, "mfadevices": [{"isvirtual": {"value": false}}]})])
   }

   test_passes_with_hardware_next_to_virtual if {
   	devices := [{"isvirtual": {"value": true}}, {"isvirtual": {"value": false}}]
   	count(check.deny) == 0 with input as iam([root({"mfaactive": {"value": true}, "mfadevices": devices})])
   }

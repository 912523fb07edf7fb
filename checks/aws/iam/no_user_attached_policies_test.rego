package builtin.aws.iam.aws0143_test

import rego.v1

import data.builtin.aws.iam.aws0143 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_with_inline_policy if {
   	p := {"name": {"value": "inline1"}, "inline": {"value": true}}
   	count(check.deny) == 1 with input as iam([user({"policies": [p]})])
   }

   test_fails_with_managed_policy if {
   	p := {"name": {"value": "ReadOnlyAccess"}, "builtin": {"value": true}}
   	count(check.deny) == 1 with input as iam([user({"policies": [p]})])
   }

   test_passes_without_policies if {
   	count(check.deny) == 0 with input as iam([user({"policies": []})])
   }

   test_passes_when_policies_missing if {
   	count(check.deny) == 0 with input as iam([user({})])
   }

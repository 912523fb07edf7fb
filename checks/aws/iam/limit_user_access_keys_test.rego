package builtin.aws.iam.aws0167_test

import rego.v1

import data.builtin.aws.iam.aws0167 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_with_two_active_keys if {
   	keys := [{"active": {"value": true}}, {"active": {"value": true}}]
   	count(check.deny) == 1 with input as iam([user({"accesskeys": keys})])
   }

   test_passes_with_one_active_and_one_inactive if {
   	keys := [{"active": {"value": true}}, {"active": {"value": false}}]
   	count(check.deny) == 0 with input as iam([user({"accesskeys": keys})])
   }

   test_passes_without_keys if {
   	count(check.deny) == 0 with input as iam([user({})])
   }

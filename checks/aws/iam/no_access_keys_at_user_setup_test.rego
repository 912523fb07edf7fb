package builtin.aws.iam.osp0003_test

import rego.v1

import data.builtin.aws.iam.osp0003 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_for_unused_key_of_console_user if {
   	u := user({"passwordenabled": {"value": true}, "accesskeys": [{"active": {"value": true}}]})
   	count(check.deny) == 1 with input as iam([u])
   }

   test_passes_for_used_key if {
   	u := user({"passwordenabled": {"value": true}, "accesskeys": [{"active": {"value": true}, "lastaccess": {"value": "2024-01-01T00:00:00Z"}}]})
   	count(check.deny) == 0 with input as iam([u])
   }

   test_passes_for_api_only_user if {
   	u := user({"passwordenabled": {"value": false}, "accesskeys": [{"active": {"value": true}}]})
   	count(check.deny) == 0 with input as iam([u])
   }

package builtin.aws.iam.aws0144_test

import rego.v1

import data.builtin.aws.iam.aws0144 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_for_stale_password if {
   	u := user({"passwordenabled": {"value": true}, "lastaccess": {"value": "2023-01-01T00:00:00Z"}})
   	count(check.deny) == 1 with input as iam([u]) with time.now_ns as 1717200000000000000
   }

   test_fails_for_stale_key if {
   	k := {"active": {"value": true}, "creationdate": {"value": "2022-01-01T00:00:00Z"}, "lastaccess": {"value": "2023-01-01T00:00:00Z"}}
   	count(check.deny) == 1 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

   test_fails_for_key_never_used_and_old if {
   	k := {"active": {"value": true}, "creationdate": {"value": "2022-01-01T00:00:00Z"}}
   	count(check.deny) == 1 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

   test_passes_for_recent_use if {
   	k := {"active": {"value": true}, "creationdate": {"value": "2022-01-01T00:00:00Z"}, "lastaccess": {"value": "2024-05-30T00:00:00Z"}}
   	u := user({"passwordenabled": {"value": true}, "lastaccess": {"value": "2024-05-30T00:00:00Z"}, "accesskeys": [k]})
   	count(check.deny) == 0 with input as iam([u]) with time.now_ns as 1717200000000000000
   }

   test_passes_for_inactive_old_key if {
   	k := {"active": {"value": false}, "creationdate": {"value": "2020-01-01T00:00:00Z"}}
   	count(check.deny) == 0 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

   test_passes_for_new_unused_password if {
   	u := user({"passwordenabled": {"value": true}, "passwordlastchanged": {"value": "2024-05-30T00:00:00Z"}})
   	count(check.deny) == 0 with input as iam([u]) with time.now_ns as 1717200000000000000
   }

package builtin.aws.iam.aws0140_test

import rego.v1

import data.builtin.aws.iam.aws0140 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_on_recent_root_login if {
   	count(check.deny) == 1 with input as iam([root({"lastaccess": {"value": "2024-05-31T20:00:00Z"}})])
   		with time.now_ns as 1717200000000000000
   }

   test_fails_on_recent_root_key_use if {
   	r := root({"accesskeys": [{"active": {"value": true}, "lastaccess": {"value": "2024-05-31T23:00:00Z"}}]})
   	count(check.deny) == 1 with input as iam([r]) with time.now_ns as 1717200000000000000
   }

   test_passes_on_old_root_login if {
   	count(check.deny) == 0 with input as iam([root({"lastaccess": {"value": "2024-01-01T00:00:00Z"}})])
   		with time.now_ns as 1717200000000000000
   }

   test_passes_when_root_never_signed_in if {
   	count(check.deny) == 0 with input as iam([root({})]) with time.now_ns as 1717200000000000000
   }

   test_ignores_recent_use_by_ordinary_user if {
   	count(check.deny) == 0 with input as iam([user({"lastaccess": {"value": "2024-05-31T20:00:00Z"}})])
   		with time.now_ns as 1717200000000000000
   }

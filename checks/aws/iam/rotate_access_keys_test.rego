package builtin.aws.iam.aws0146_test

import rego.v1

import data.builtin.aws.iam.aws0146 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_for_old_active_key if {
   	k := {"active": {"value": true}, "creationdate": {"value": "2024-01-01T00:00:00Z"}}
   	count(check.deny) == 1 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

   test_passes_for_new_key if {
   	k := {"active": {"value": true}, "creationdate": {"value": "2024-05-01T00:00:00Z"}}
   	count(check.deny) == 0 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

   test_passes_for_old_inactive_key if {
   	k := {"active": {"value": false}, "creationdate": {"value": "2020-01-01T00:00:00Z"}}
   	count(check.deny) == 0 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

   test_key_without_date_is_not_judged if {
   	k := {"active": {"value": true}}
   	count(check.deny) == 0 with input as iam([user({"accesskeys": [k]})]) with time.now_ns as 1717200000000000000
   }

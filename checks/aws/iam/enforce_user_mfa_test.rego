package builtin.aws.iam.aws0145_test

import rego.v1

import data.builtin.aws.iam.aws0145 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_for_password_without_mfa if {
   	count(check.deny) == 1 with input as iam([user({"passwordenabled": {"value": true}, "mfaactive": {"value": false}})])
   }

   test_passes_with_mfa if {
   	count(check.deny) == 0 with input as iam([user({"passwordenabled": {"value": true}, "mfaactive": {"value": true}})])
   }

   test_passes_for_api_only_user if {
   	count(check.deny) == 0 with input as iam([user({"passwordenabled": {"value": false}, "mfaactive": {"value": false}})])
   }

   test_root_is_left_to_its_own_check if {
   	count(check.deny) == 0 with input as iam([root({"passwordenabled": {"value": true}, "mfaactive": {"value": false}})])
   }

   test_trivy_style_logged_in_user_without_devices if {
   	count(check.deny) == 1 with input as iam([{"name": {"value": "bob"}, "lastaccess": {"value": "2024-01-01T00:00:00Z"}, "mfadevices": []}])
   }

package builtin.aws.iam.aws0141_test

import rego.v1

import data.builtin.aws.iam.aws0141 as check

root(extra) := object.union({"name": {"value": "root"}, "root": {"value": true}, "accesskeys": [], "mfadevices": []}, extra)

user(extra) := object.union({"name": {"value": "alice"}, "root": {"value": false}, "accesskeys": [], "mfadevices": []}, extra)

iam(users) := {"aws": {"iam": {"users": users}}}

   test_fails_when_root_has_active_key if {
   	count(check.deny) == 1 with input as iam([root({"accesskeys": [{"active": {"value": true}}]})])
   }

   test_fails_when_root_key_is_inactive if {
   	count(check.deny) == 1 with input as iam([root({"accesskeys": [{"active": {"value": false}}]})])
   }

   test_fails_on_account_summary_without_report_row if {
   	d := {"aws": {"iam": {"users": [root({})], "accountsummary": {"accountaccesskeyspresent": {"value": true}}}}}
   	count(check.deny) == 1 with input as d
   }

   test_passes_when_account_summary_says_no_keys if {
   	d := {"aws": {"iam": {"users": [root({})], "accountsummary": {"accountaccesskeyspresent": {"value": false}}}}}
   	count(check.deny) == 0 with input as d
   }

   test_passes_without_keys if {
   	count(check.deny) == 0 with input as iam([root({})])
   }

   test_ignores_keys_of_ordinary_users if {
   	count(check.deny) == 0 with input as iam([user({"accesskeys": [{"active": {"value": true}}]})])
   }

   test_trivy_style_root_by_name if {
   	count(check.deny) == 1 with input as iam([{"name": {"value": "root"}, "accesskeys": [{"active": {"value": true}}]}])
   }

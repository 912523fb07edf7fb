package builtin.aws.iam.aws0123_test

import rego.v1

import data.builtin.aws.iam.aws0123 as check

doc(statements) := {"value": json.marshal({"Version": "2012-10-17", "Statement": statements})}

policy(name, statements) := {"name": {"value": name}, "builtin": {"value": false}, "document": doc(statements)}

   mfa_stmt := {"Effect": "Deny", "NotAction": "iam:*", "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}}

   test_fails_without_mfa_condition if {
   	g := {"name": {"value": "devs"}, "policies": [policy("p", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}])]}
   	count(check.deny) == 1 with input as {"aws": {"iam": {"groups": [g]}}}
   }

   test_fails_for_group_without_policies if {
   	count(check.deny) == 1 with input as {"aws": {"iam": {"groups": [{"name": {"value": "empty"}, "policies": []}]}}}
   }

   test_passes_with_mfa_condition if {
   	g := {"name": {"value": "devs"}, "policies": [policy("p", [mfa_stmt])]}
   	count(check.deny) == 0 with input as {"aws": {"iam": {"groups": [g]}}}
   }

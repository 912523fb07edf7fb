package builtin.aws.iam.aws0057_test

import rego.v1

import data.builtin.aws.iam.aws0057 as check

doc(statements) := {"value": json.marshal({"Version": "2012-10-17", "Statement": statements})}

policy(name, statements) := {"name": {"value": name}, "builtin": {"value": false}, "document": doc(statements)}

   admin := [{"Effect": "Allow", "Action": "*", "Resource": "*"}]

   test_fails_for_customer_admin_policy if {
   	count(check.deny) == 1 with input as {"aws": {"iam": {"policies": [policy("admin", admin)]}}}
   }

   test_fails_for_inline_admin_policy if {
   	p := object.union(policy("inl", admin), {"inline": {"value": true}})
   	count(check.deny) == 1 with input as {"aws": {"iam": {"roles": [{"name": {"value": "r"}, "policies": [p]}]}}}
   }

   test_passes_for_aws_managed_admin if {
   	p := object.union(policy("AdministratorAccess", admin), {"builtin": {"value": true}})
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_passes_for_scoped_policy if {
   	s := [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [policy("ro", s)]}}}
   }

   test_passes_for_conditioned_or_denied_star if {
   	s := [{"Effect": "Deny", "Action": "*", "Resource": "*"}, {"Effect": "Allow", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [policy("cond", s)]}}}
   }

   test_single_statement_object_is_read if {
   	p := {"name": {"value": "x"}, "builtin": {"value": false}, "document": {"value": "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":[\"*\"]}}"}}
   	count(check.deny) == 1 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_malformed_document_is_not_a_crash if {
   	p := {"name": {"value": "x"}, "builtin": {"value": false}, "document": {"value": "{not json"}}
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [p]}}}
   }

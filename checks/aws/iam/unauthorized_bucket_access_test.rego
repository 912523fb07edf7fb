package builtin.aws.iam.aws0346_test

import rego.v1

import data.builtin.aws.iam.aws0346 as check

doc(statements) := {"value": json.marshal({"Version": "2012-10-17", "Statement": statements})}

policy(name, statements) := {"name": {"value": name}, "builtin": {"value": false}, "document": doc(statements)}

   test_fails_for_get_and_put_on_star if {
   	p := policy("rw", [{"Effect": "Allow", "Action": ["s3:Get*", "s3:Put*"], "Resource": "*"}])
   	count(check.deny) == 1 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_passes_for_get_only if {
   	p := policy("ro", [{"Effect": "Allow", "Action": ["s3:Get*"], "Resource": "*"}])
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_passes_for_scoped_resource if {
   	p := policy("rw", [{"Effect": "Allow", "Action": ["s3:Get*", "s3:Put*"], "Resource": "arn:aws:s3:::b/*"}])
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [p]}}}
   }

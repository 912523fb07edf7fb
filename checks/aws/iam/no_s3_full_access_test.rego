package builtin.aws.iam.aws0345_test

import rego.v1

import data.builtin.aws.iam.aws0345 as check

doc(statements) := {"value": json.marshal({"Version": "2012-10-17", "Statement": statements})}

policy(name, statements) := {"name": {"value": name}, "builtin": {"value": false}, "document": doc(statements)}

   test_fails_for_s3_star if {
   	p := policy("s3all", [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}])
   	count(check.deny) == 1 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_fails_for_inline_role_policy if {
   	p := object.union(policy("s3all", [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::*"}]), {"inline": {"value": true}})
   	count(check.deny) == 1 with input as {"aws": {"iam": {"roles": [{"name": {"value": "r"}, "policies": [p]}]}}}
   }

   test_passes_for_one_bucket if {
   	p := policy("s3one", [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::logs/*"}])
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [p]}}}
   }

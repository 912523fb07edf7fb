package builtin.aws.iam.aws0342_test

import rego.v1

import data.builtin.aws.iam.aws0342 as check

doc(statements) := {"value": json.marshal({"Version": "2012-10-17", "Statement": statements})}

policy(name, statements) := {"name": {"value": name}, "builtin": {"value": false}, "document": doc(statements)}

   test_fails_for_passrole_on_star if {
   	p := policy("pass", [{"Effect": "Allow", "Action": ["ec2:RunInstances", "iam:PassRole"], "Resource": "*"}])
   	count(check.deny) == 1 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_passes_for_scoped_passrole if {
   	p := policy("pass", [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/app"}])
   	count(check.deny) == 0 with input as {"aws": {"iam": {"policies": [p]}}}
   }

   test_case_insensitive_action if {
   	p := policy("pass", [{"Effect": "Allow", "Action": "IAM:passrole", "Resource": ["*"]}])
   	count(check.deny) == 1 with input as {"aws": {"iam": {"policies": [p]}}}
   }

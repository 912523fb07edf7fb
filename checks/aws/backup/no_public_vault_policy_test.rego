package builtin.aws.backup.osp0147_test

import rego.v1

import data.builtin.aws.backup.osp0147 as check

vault(policy) := {"aws": {"backup": {"vaults": [{"name": {"value": "v1"}, "policy": {"value": policy}}]}}}

test_fails_for_star_principal if {
	count(check.deny) == 1 with input as vault(`{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "backup:CopyIntoBackupVault", "Resource": "*"}}`)
}

test_fails_for_aws_star_in_array if {
	count(check.deny) == 1 with input as vault(`{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::111122223333:root", "*"]}, "Action": "backup:*", "Resource": "*"}]}`)
}

test_passes_with_condition if {
	count(check.deny) == 0 with input as vault(`{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "backup:CopyIntoBackupVault", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-abc"}}}]}`)
}

test_passes_for_deny_and_named_principals if {
	count(check.deny) == 0 with input as vault(`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "backup:DeleteRecoveryPoint", "Resource": "*"}, {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "backup:*", "Resource": "*"}]}`)
}

test_passes_without_policy if {
	count(check.deny) == 0 with input as vault("")
}

test_unknown_policy_is_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"backup": {"vaults": [{"name": {"value": "v1"}}]}}}
}

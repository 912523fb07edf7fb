package builtin.aws.elasticsearch.osp0139_test

import rego.v1

import data.builtin.aws.elasticsearch.osp0139 as check

test_fails_open_to_aws_star if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"accesspolicies": {"value": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"es:*\", \"Resource\": \"arn:aws:es:us-east-1:1:domain/d1/*\"}]}"}})]}}}
}

test_fails_open_to_bare_star if {
	count(check.deny) == 1 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"accesspolicies": {"value": "{\"Statement\": {\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"es:ESHttpGet\", \"Resource\": \"*\"}}"}})]}}}
}

test_passes_with_ip_condition if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"accesspolicies": {"value": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"es:*\", \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": [\"203.0.113.0/24\"]}}}]}"}})]}}}
}

test_passes_named_principal if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"accesspolicies": {"value": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": [\"arn:aws:iam::111122223333:role/app\"]}, \"Action\": \"es:*\", \"Resource\": \"*\"}]}"}})]}}}
}

test_vpc_domain_not_judged if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [object.union({"domainname": {"value": "d1"}}, {"accesspolicies": {"value": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"es:*\", \"Resource\": \"arn:aws:es:us-east-1:1:domain/d1/*\"}]}"}, "vpcid": {"value": "vpc-1"}})]}}}
}

test_no_policy_passes if {
	count(check.deny) == 0 with input as {"aws": {"elasticsearch": {"domains": [{"domainname": {"value": "d1"}, "accesspolicies": {"value": ""}}]}}}
}

package builtin.aws.elb.osp0082_test

import rego.v1

import data.builtin.aws.elb.osp0082 as check

alb := {"name": {"value": "web"}, "type": {"value": "application"}, "arn": {"value": "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/web/1"}}

nlb := {"name": {"value": "tcp"}, "type": {"value": "network"}, "arn": {"value": "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/net/tcp/2"}}

acl(arns) := {"name": {"value": "a"}, "associatedresources": [{"arn": {"value": a}, "type": {"value": "APPLICATION_LOAD_BALANCER"}} | some a in arns]}

test_fails_without_association if {
	r := check.deny with input as {"aws": {"elb": {"loadbalancers": [alb, nlb]}, "wafv2": {"webacls": [acl([])]}}}
	count(r) == 1
	some x in r
	x.msg == "Application load balancer 'web' has no WAF web ACL."
}

test_fails_without_any_acl if {
	count(check.deny) == 1 with input as {"aws": {"elb": {"loadbalancers": [alb]}, "wafv2": {"webacls": []}}}
}

test_passes_when_associated if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [alb]}, "wafv2": {"webacls": [acl([alb.arn.value])]}}}
}

test_silent_without_wafv2_state if {
	count(check.deny) == 0 with input as {"aws": {"elb": {"loadbalancers": [alb]}}}
}

test_not_evaluated_when_associations_denied if {
	denied := object.union(acl([]), {"__defsec_metadata": {"gaps": [{"read": "ListResourcesForWebACL", "fields": ["associatedresources"]}]}})
	inp := {"aws": {"elb": {"loadbalancers": [alb]}, "wafv2": {"webacls": [denied]}}}
	count(check.deny) == 0 with input as inp
	count(check.not_evaluated) == 1 with input as inp
}

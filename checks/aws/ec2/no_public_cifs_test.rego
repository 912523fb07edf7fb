package builtin.aws.ec2.osp0043_test

import rego.v1

import data.builtin.aws.ec2.osp0043 as check

inst(rules) := {"aws": {"ec2": {"instances": [{"id": {"value": "i-1"}, "securitygroups": [{"id": {"value": "sg-1"}, "ingressrules": rules}]}]}}}

rule(proto, from, to, cidr) := {"protocol": {"value": proto}, "fromport": {"value": from}, "toport": {"value": to}, "cidrs": [{"value": cidr}]}

test_fails_for_445_from_anywhere if {
	some r in check.deny with input as inst([rule("tcp", 445, 445, "0.0.0.0/0")])
	r.msg == "Instance 'i-1' admits CIFS/SMB (TCP 445) from the internet: sg-1 from 0.0.0.0/0."
}

test_fails_for_ipv6_ranges_and_all_traffic_once_per_instance if {
	count(check.deny) == 1 with input as inst([rule("tcp", 400, 500, "::/0"), {"protocol": {"value": "-1"}, "cidrs": [{"value": "0.0.0.0/0"}]}])
}

test_passes_for_trusted_networks_other_ports_and_udp if {
	count(check.deny) == 0 with input as inst([rule("tcp", 445, 445, "10.0.0.0/8"), rule("tcp", 22, 22, "10.0.0.0/8"), rule("tcp", 443, 443, "0.0.0.0/0"), rule("udp", 445, 445, "0.0.0.0/0")])
}

test_instance_without_groups_passes if {
	count(check.deny) == 0 with input as {"aws": {"ec2": {"instances": [{"id": {"value": "i-2"}}]}}}
}

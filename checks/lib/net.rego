# METADATA
# title: Network helpers
# description: Ports, protocols and "whole internet" CIDRs used by network checks.
# custom:
#   library: true
package lib.net

import rego.v1

ssh_port := 22

rdp_port := 3389

all_ips := {"0.0.0.0/0", "::/0", "0000:0000:0000:0000:0000:0000:0000:0000/0", "*"}

all_ips_keywords := {"any", "internet"}

all_protocols := {"-1", "all"}

protocol(p) := lower(p) if is_string(p)

protocol(p) := format_int(p, 10) if is_number(p)

is_tcp_protocol(p) if protocol(p) in {"tcp", "6"}

is_tcp_protocol(p) if protocol(p) in all_protocols

is_udp_protocol(p) if protocol(p) in {"udp", "17"}

is_udp_protocol(p) if protocol(p) in all_protocols

is_tcp_or_udp_protocol(p) if is_tcp_protocol(p)

is_tcp_or_udp_protocol(p) if is_udp_protocol(p)

is_port_range_include(from, to, port) if {
	from <= port
	port <= to
}

# A rule reaches port when its protocol is "all" (AWS ignores the port range
# then) or when its TCP/UDP port range covers the port.
rule_covers_port(rule, port) if protocol(rule.protocol.value) in all_protocols

rule_covers_port(rule, port) if {
	is_tcp_or_udp_protocol(rule.protocol.value)
	is_port_range_include(rule.fromport.value, rule.toport.value, port)
}

is_ssh_or_rdp_port(rule) if rule_covers_port(rule, ssh_port)

is_ssh_or_rdp_port(rule) if rule_covers_port(rule, rdp_port)

cidr_allows_all_ips(cidr) if cidr in all_ips

cidr_allows_all_ips(cidr) if lower(cidr) in all_ips_keywords

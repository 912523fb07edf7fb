# METADATA
# title: "Load balancer listeners use a current TLS security policy"
# description: >-
#   A listener's security policy decides which TLS versions and ciphers clients may negotiate; older
#   predefined policies allow TLS 1.0/1.1 or weak ciphers.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
#   - https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html
# custom:
#   id: AVD-AWS-0047
#   avd_id: AVD-AWS-0047
#   provider: aws
#   impact: >-
#     Clients can be made to negotiate deprecated protocol versions and ciphers that are open to
#     downgrade and decryption attacks.
#   remediation:
#     console: >-
#       EC2 console > Load Balancers > the load balancer > Listeners > the HTTPS/TLS listener >
#       Edit: Security policy ELBSecurityPolicy-TLS13-1-2-2021-06 (classic: a current predefined
#       policy).
#     cli: >-
#       aws elbv2 modify-listener --listener-arn ARN --ssl-policy ELBSecurityPolicy-
#       TLS13-1-2-2021-06
#     terraform: >-
#       aws_lb_listener: ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#   service: elb
#   severity: CRITICAL
#   short_code: use-secure-tls-policy
#   recommended_action: "Use a current TLS 1.2+ security policy such as ELBSecurityPolicy-TLS13-1-2-2021-06."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: elb
#             provider: aws
package builtin.aws.elb.aws0047

import rego.v1

# Trivy's list, plus the older predefined policies classic load balancers can still carry.
outdated_policies := {
	"ELBSecurityPolicy-2011-08",
	"ELBSecurityPolicy-2014-01",
	"ELBSecurityPolicy-2014-10",
	"ELBSecurityPolicy-2015-02",
	"ELBSecurityPolicy-2015-03",
	"ELBSecurityPolicy-2015-05",
	"ELBSecurityPolicy-2016-08",
	"ELBSecurityPolicy-FS-2018-06",
	"ELBSecurityPolicy-FS-1-1-2019-08",
	"ELBSecurityPolicy-TLS-1-0-2015-04",
	"ELBSecurityPolicy-TLS-1-1-2017-01",
	"ELBSecurityPolicy-TLS13-1-0-2021-06",
	"ELBSecurityPolicy-TLS13-1-1-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
	"ELBSample-ELBDefaultCipherPolicy",
	"ELBSample-OpenSSLDefaultCipherPolicy",
}

deny contains res if {
	some lb in input.aws.elb.loadbalancers
	isManaged(lb)
	some listener in object.get(lb, "listeners", [])
	listener.tlspolicy.value in outdated_policies
	res := result.new(sprintf("Listener of load balancer '%s' uses the outdated TLS policy %s.", [object.get(lb, ["name", "value"], ""), listener.tlspolicy.value]), listener.tlspolicy)
}

# METADATA
# title: osprey scan context
# description: |
#   The region, account and partition osprey adds to each region's input under
#   input.osprey, and causes for account-level findings that have no resource of
#   their own ("no trail", "no recorder", "no support role").
# custom:
#   library: true
package lib.osprey

import rego.v1

region := object.get(object.get(input, "osprey", {}), "region", "")

account := object.get(object.get(input, "osprey", {}), "account", "")

partition := p if {
	p := input.osprey.partition
	p != ""
} else := "aws"

# True when the document's region is unknown (tests) or equals r.
in_this_region(r) if region == ""

in_this_region(r) if region == r

# A cause pointing at arn, shaped like a resource with metadata.
cause(arn) := {"__defsec_metadata": {
	"resource": arn, "filepath": arn, "sourceprefix": "remote",
	"managed": true, "explicit": false, "startline": 0, "endline": 0, "fskey": ""
}}

# The account-level ARN of a service: arn:<p>:<service>:<region>:<account>:<what>.
account_arn(service, reg, what) := sprintf("arn:%s:%s:%s:%s:%s", [partition, service, reg, account, what])

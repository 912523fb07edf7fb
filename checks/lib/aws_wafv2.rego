# METADATA
# title: WAFv2 web ACL helpers
# description: >-
#   The web ACLs a region's document holds, of both scopes: REGIONAL (input.aws.wafv2, per
#   region) and CLOUDFRONT (input.aws.wafv2cloudfront, collected once per account and present in
#   every region's document; a finding about one is reported once, under its own ARN).
# custom:
#   library: true
package lib.aws.wafv2

import rego.v1

# Named by path (not object.get), so the scan sees which collections the checks read.
default regional := []

regional := input.aws.wafv2.webacls

default cloudfront := []

cloudfront := input.aws.wafv2cloudfront.webacls

webacls := array.concat(regional, cloudfront)

# "'name' (REGIONAL)": how a finding names an ACL.
label(acl) := sprintf("'%s' (%s)", [object.get(acl, ["name", "value"], "?"), object.get(acl, ["scope", "value"], "?")])

# Reasons a CLOUDFRONT-scope ACL cannot be judged on `field` (a read that fills it was denied).
# REGIONAL ACLs need none: the scan turns their gaps into NOT EVALUATED findings itself, as
# wafv2 is the checks' own service.
cloudfront_unread(field) := {reason |
	some acl in cloudfront
	some gap in object.get(acl, ["__defsec_metadata", "gaps"], [])
	field in gap.fields
	reason := sprintf("web ACL %s: %s was denied (%s)", [label(acl), gap.read, object.get(gap, "code", "")])
}

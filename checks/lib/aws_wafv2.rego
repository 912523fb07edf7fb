# METADATA
# title: WAFv2 web ACL helpers
# description: >-
#   For checks of the web ACLs of both scopes: REGIONAL (input.aws.wafv2, per region) and
#   CLOUDFRONT (input.aws.wafv2cloudfront, collected once per account and present in every
#   region's document; a finding about one is reported once, under its own ARN). A check names
#   input.aws.wafv2.webacls in its own text too, so the scan sees the collection it judges
#   (per-resource PASS records, gaps).
# custom:
#   library: true
package lib.aws.wafv2

import rego.v1

default cloudfront := []

cloudfront := input.aws.wafv2cloudfront.webacls

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

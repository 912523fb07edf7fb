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

regional := object.get(input.aws, ["wafv2", "webacls"], [])

cloudfront := object.get(input.aws, ["wafv2cloudfront", "webacls"], [])

webacls := array.concat(regional, cloudfront)

# "'name' (REGIONAL)": how a finding names an ACL.
label(acl) := sprintf("'%s' (%s)", [object.get(acl, ["name", "value"], "?"), object.get(acl, ["scope", "value"], "?")])

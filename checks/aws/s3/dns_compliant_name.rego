# METADATA
# title: "Bucket names are DNS compliant without dots"
# description: >-
#   Names with dots break TLS for virtual-hosted requests (the wildcard certificate does not match)
#   and block S3 Transfer Acceleration; names must also be valid DNS labels.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
# custom:
#   id: AVD-AWS-0320
#   avd_id: AVD-AWS-0320
#   provider: aws
#   impact: >-
#     Names with dots break virtual-hosted HTTPS (the wildcard certificate does not cover them) and
#     S3 Transfer Acceleration; clients then fall back to path-style URLs or skip certificate
#     checks.
#   remediation:
#     console: >-
#       Bucket names cannot be changed: create a bucket whose name has only lowercase letters,
#       digits and hyphens, copy the data, point clients at it, and delete the old bucket.
#     cli: >-
#       aws s3 mb s3://new-bucket-name && aws s3 sync s3://old.bucket.name s3://new-bucket-name
#     terraform: >-
#       aws_s3_bucket: bucket = a name without dots
#   service: s3
#   severity: MEDIUM
#   short_code: dns-compliant-name
#   recommended_action: "Create a bucket with a lowercase name of letters, digits and hyphens, and move the data."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: s3
#             provider: aws
package builtin.aws.s3.aws0320

import rego.v1

compliant(name) if regex.match(`^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$`, name)

deny contains res if {
	some bucket in input.aws.s3.buckets
	not compliant(bucket.name.value)
	res := result.new(sprintf("Bucket name '%s' is not DNS compliant (dots, uppercase or bad length).", [bucket.name.value]), bucket.name)
}

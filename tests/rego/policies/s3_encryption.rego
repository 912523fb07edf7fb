# METADATA
# title: S3 buckets are encrypted
# custom:
#   id: TEST-S3-0001
package custom.s3.encryption

import rego.v1

deny contains msg if {
	some b in input.aws.s3.buckets
	not b.encryption.enabled
	msg := sprintf("bucket %s is not encrypted", [b.name])
}

# METADATA
# title: check 1
# custom:
#   id: AVD-AWS-0001
#   severity: HIGH
package builtin.aws.s3.check1

import rego.v1

deny contains res if {
	some r in input.aws.s3.buckets
	r.__defsec_metadata.managed
	r.__defsec_metadata.resource == "arn:aws:s3:::bucket-7"
	not r.versioning.enabled.value
	res := {"msg": sprintf("resource %s fails check 1", [r.__defsec_metadata.resource]), "id": "AVD-AWS-0001"}
}

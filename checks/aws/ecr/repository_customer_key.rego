# METADATA
# title: "ECR repositories are encrypted with a customer managed KMS key"
# description: >-
#   Repositories are encrypted with AES-256 by default, or with the AWS managed key aws/ecr; a
#   customer managed key lets you restrict and audit who can decrypt the images.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
# custom:
#   id: AVD-AWS-0033
#   avd_id: AVD-AWS-0033
#   provider: aws
#   impact: >-
#     With AES-256 or the AWS managed key, access to the images cannot be limited by your own key
#     policy, shared deliberately, or cut off by disabling the key.
#   remediation:
#     console: >-
#       ECR console > Create repository > Encryption settings: KMS, Customize encryption settings,
#       choose a customer managed key (existing repositories cannot change: create a new one and
#       push the images again).
#     cli: >-
#       aws ecr create-repository --repository-name REPO --encryption-configuration
#       encryptionType=KMS,kmsKey=KEY-ARN
#     terraform: >-
#       aws_ecr_repository: encryption_configuration { encryption_type = "KMS" kms_key =
#       aws_kms_key.ecr.arn }
#   service: ecr
#   severity: LOW
#   short_code: repository-customer-key
#   recommended_action: "Create the repository with KMS encryption under a customer managed key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: ecr
#             provider: aws
#           - service: kms
#             provider: aws
package builtin.aws.ecr.aws0033

import rego.v1

import data.lib.aws.kms
import data.lib.cloud.metadata

deny contains res if {
	some repo in input.aws.ecr.repositories
	not object.get(repo, ["encryption", "type", "value"], "") in {"KMS", "KMS_DSSE"}
	res := result.new(sprintf("ECR repository '%s' is not encrypted with KMS.", [object.get(repo, ["name", "value"], "")]), metadata.obj_by_path(repo, ["encryption", "type"]))
}

# The AWS managed key aws/ecr comes back as its key ARN, or no key at all (Trivy catches only the empty key).
deny contains res if {
	some repo in input.aws.ecr.repositories
	object.get(repo, ["encryption", "type", "value"], "") in {"KMS", "KMS_DSSE"}
	not kms.is_customer_managed(object.get(repo, ["encryption", "kmskeyid", "value"], ""))
	res := result.new(sprintf("ECR repository '%s' uses the AWS managed key, not a customer managed one.", [object.get(repo, ["name", "value"], "")]), metadata.obj_by_path(repo, ["encryption", "kmskeyid"]))
}

# METADATA
# title: "Notebook instance volumes are encrypted with a KMS key you choose"
# description: >-
#   The ML storage volume of a notebook instance holds the notebooks, datasets and model artefacts
#   users work with. Without a KMS key set on the instance it is encrypted with an AWS-managed key
#   that cannot be restricted, rotated on your terms or audited per use. Prowler
#   sagemaker_notebook_instance_encryption_enabled.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/nbi.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html
# custom:
#   id: OSP-AWS-0153
#   avd_id: OSP-AWS-0153
#   provider: aws
#   impact: >-
#     Who may decrypt the notebook volume (and its snapshots) cannot be controlled through a key
#     policy, and access to it leaves no per-key audit trail.
#   remediation:
#     console: >-
#       SageMaker console: the key cannot be changed on an existing instance. Create a new
#       notebook instance with Encryption key set to a KMS key, then move the notebooks.
#     cli: >-
#       aws sagemaker create-notebook-instance --notebook-instance-name NAME --instance-type
#       ml.t3.medium --role-arn ROLE --kms-key-id KEY-ARN
#     terraform: >-
#       aws_sagemaker_notebook_instance: kms_key_id = aws_kms_key.notebooks.arn
#   service: sagemaker
#   severity: MEDIUM
#   short_code: notebook-volume-customer-key
#   recommended_action: "Re-create the notebook instance with a customer-managed KMS key."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sagemaker
#             provider: aws
package builtin.aws.sagemaker.osp0153

import rego.v1

deny contains res if {
	some nb in input.aws.sagemaker.notebookinstances
	object.get(nb, ["kmskeyid", "value"], "") == ""
	res := result.new(sprintf("SageMaker notebook instance '%s' has no KMS key for its storage volume.", [object.get(nb, ["name", "value"], "")]), object.get(nb, "kmskeyid", nb))
}

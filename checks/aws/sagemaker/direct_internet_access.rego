# METADATA
# title: "Notebook instances have no direct internet access"
# description: >-
#   A notebook instance with direct internet access gets a SageMaker-managed network interface that
#   reaches the internet without passing through your VPC: its traffic escapes your security groups,
#   network ACLs, firewalls and flow logs. Launched in a VPC subnet with direct internet access
#   disabled, it reaches only what your VPC routes allow. AWS Foundational Security Best Practices
#   control SageMaker.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/nbi.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html
# custom:
#   id: OSP-AWS-0150
#   avd_id: OSP-AWS-0150
#   provider: aws
#   impact: >-
#     Code and data in the notebook (and the credentials of its execution role) can be sent to any
#     host on the internet with nothing in your network to see or stop it.
#   remediation:
#     console: >-
#       SageMaker console > Notebook instances: direct internet access cannot be changed on an
#       existing instance. Create a new one with a VPC, subnet and security group and Direct
#       internet access: Disable, then move the notebooks.
#     cli: >-
#       aws sagemaker create-notebook-instance --notebook-instance-name NAME --instance-type
#       ml.t3.medium --role-arn ROLE --subnet-id SUBNET --security-group-ids SG --direct-
#       internet-access Disabled
#     terraform: >-
#       aws_sagemaker_notebook_instance: subnet_id, security_groups and direct_internet_access =
#       "Disabled"
#   service: sagemaker
#   severity: HIGH
#   short_code: no-direct-internet-access
#   recommended_action: "Re-create the notebook instance in a VPC subnet with direct internet access disabled."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sagemaker
#             provider: aws
package builtin.aws.sagemaker.osp0150

import rego.v1

deny contains res if {
	some nb in input.aws.sagemaker.notebookinstances
	nb.directinternetaccess.value == true
	res := result.new(sprintf("SageMaker notebook instance '%s' has direct internet access.", [object.get(nb, ["name", "value"], "")]), object.get(nb, "directinternetaccess", nb))
}

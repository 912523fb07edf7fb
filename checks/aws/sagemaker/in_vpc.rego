# METADATA
# title: "Notebook instances are launched in a VPC"
# description: >-
#   A notebook instance created without a subnet runs in a SageMaker-managed network outside your
#   VPC. Launched in a subnet of your VPC it is covered by your security groups, network ACLs, VPC
#   endpoints and flow logs. AWS Foundational Security Best Practices control SageMaker.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/nbi.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html
# custom:
#   id: OSP-AWS-0151
#   avd_id: OSP-AWS-0151
#   provider: aws
#   impact: >-
#     The notebook's traffic, and access to the data it works on, is outside the network controls
#     and logs of your VPC.
#   remediation:
#     console: >-
#       SageMaker console > Notebook instances: the network cannot be changed on an existing
#       instance. Create a new one choosing a VPC, subnet and security group, then move the
#       notebooks.
#     cli: >-
#       aws sagemaker create-notebook-instance --notebook-instance-name NAME --instance-type
#       ml.t3.medium --role-arn ROLE --subnet-id SUBNET --security-group-ids SG --direct-
#       internet-access Disabled
#     terraform: >-
#       aws_sagemaker_notebook_instance: subnet_id and security_groups
#   service: sagemaker
#   severity: HIGH
#   short_code: notebook-in-vpc
#   recommended_action: "Re-create the notebook instance in a subnet of your VPC."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sagemaker
#             provider: aws
package builtin.aws.sagemaker.osp0151

import rego.v1

deny contains res if {
	some nb in input.aws.sagemaker.notebookinstances
	object.get(nb, ["subnetid", "value"], "") == ""
	res := result.new(sprintf("SageMaker notebook instance '%s' is not launched in a VPC.", [object.get(nb, ["name", "value"], "")]), object.get(nb, "subnetid", nb))
}

# METADATA
# title: "Notebook instances do not give users root access"
# description: >-
#   With root access enabled (the default), every user of a notebook instance can become root on it:
#   install software, change its configuration and read everything on the instance, including other
#   users' files and the execution role's credentials as the system sees them. AWS Foundational
#   Security Best Practices control SageMaker.3.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/sagemaker/latest/dg/nbi.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/sagemaker-controls.html
# custom:
#   id: OSP-AWS-0152
#   avd_id: OSP-AWS-0152
#   provider: aws
#   impact: >-
#     Any notebook user can disable controls on the instance, install tools that exfiltrate data,
#     or tamper with lifecycle configurations.
#   remediation:
#     console: >-
#       SageMaker console > Notebook instances > the instance > Stop > Edit > Root access:
#       Disable > Update, then Start.
#     cli: >-
#       aws sagemaker stop-notebook-instance --notebook-instance-name NAME; aws sagemaker
#       update-notebook-instance --notebook-instance-name NAME --root-access Disabled
#     terraform: >-
#       aws_sagemaker_notebook_instance: root_access = "Disabled"
#   service: sagemaker
#   severity: HIGH
#   short_code: no-root-access
#   recommended_action: "Disable root access for the notebook instance's users."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: sagemaker
#             provider: aws
package builtin.aws.sagemaker.osp0152

import rego.v1

deny contains res if {
	some nb in input.aws.sagemaker.notebookinstances
	nb.rootaccess.value == true
	res := result.new(sprintf("SageMaker notebook instance '%s' gives its users root access.", [object.get(nb, ["name", "value"], "")]), object.get(nb, "rootaccess", nb))
}

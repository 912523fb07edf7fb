# METADATA
# title: "Inspector ECR scanning is enabled in the region"
# description: >-
#   Amazon Inspector scans container images pushed to ECR for known vulnerabilities continuously.
#   This check reads the account's Inspector status in the region (BatchGetAccountStatus) and fails
#   unless ECR scanning is ENABLED. AWS Foundational Security Best Practices control Inspector.2.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html
# custom:
#   id: OSP-AWS-0144
#   avd_id: OSP-AWS-0144
#   provider: aws
#   impact: >-
#     Without it an image with a critical CVE is pushed and deployed without a finding.
#   remediation:
#     console: >-
#       Inspector console (in the region) > Account management > select the account > Activate >
#       ECR scanning. Repeat in every region you use.
#     cli: >-
#       aws inspector2 enable --resource-types ECR --account-ids ACCOUNT --region REGION
#     terraform: >-
#       aws_inspector2_enabler: resource_types = ["ECR"]
#   service: inspector2
#   severity: HIGH
#   short_code: enable-ecr-scanning
#   recommended_action: "Activate Inspector ECR scanning in the region."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: inspector2
#             provider: aws
package builtin.aws.inspector2.osp0144

import rego.v1

deny contains res if {
	a := input.aws.inspector2.account
	not a.ecr.value == "ENABLED"
	res := result.new(sprintf("Inspector ECR scanning is not enabled in this region (status %s).", [object.get(a, ["ecr", "value"], "unknown")]), object.get(a, "ecr", a))
}

# METADATA
# title: "Inspector Lambda standard scanning is enabled in the region"
# description: >-
#   Amazon Inspector scans the dependencies (packages and layers) of Lambda functions for known
#   vulnerabilities continuously. This check reads the account's Inspector status in the region
#   (BatchGetAccountStatus) and fails unless Lambda standard scanning is ENABLED. AWS Foundational
#   Security Best Practices control Inspector.4.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html
# custom:
#   id: OSP-AWS-0146
#   avd_id: OSP-AWS-0146
#   provider: aws
#   impact: >-
#     Without it a function deployed with a vulnerable library raises no finding.
#   remediation:
#     console: >-
#       Inspector console (in the region) > Account management > select the account > Activate >
#       Lambda standard scanning. Repeat in every region you use.
#     cli: >-
#       aws inspector2 enable --resource-types LAMBDA --account-ids ACCOUNT --region REGION
#     terraform: >-
#       aws_inspector2_enabler: resource_types = ["LAMBDA"]
#   service: inspector2
#   severity: HIGH
#   short_code: enable-lambda-scanning
#   recommended_action: "Activate Inspector Lambda standard scanning in the region."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: inspector2
#             provider: aws
package builtin.aws.inspector2.osp0146

import rego.v1

deny contains res if {
	a := input.aws.inspector2.account
	not a.lambda.value == "ENABLED"
	res := result.new(sprintf("Inspector Lambda standard scanning is not enabled in this region (status %s).", [object.get(a, ["lambda", "value"], "unknown")]), object.get(a, "lambda", a))
}

# METADATA
# title: "Inspector Lambda code scanning is enabled in the region"
# description: >-
#   Amazon Inspector scans the application code of Lambda functions (injection flaws, leaked
#   credentials, weak cryptography) for known vulnerabilities continuously. This check reads the
#   account's Inspector status in the region (BatchGetAccountStatus) and fails unless Lambda code
#   scanning is ENABLED. AWS Foundational Security Best Practices control Inspector.3.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html
# custom:
#   id: OSP-AWS-0145
#   avd_id: OSP-AWS-0145
#   provider: aws
#   impact: >-
#     Without it a function whose own code leaks a credential or builds SQL from input raises no
#     finding.
#   remediation:
#     console: >-
#       Inspector console (in the region) > Account management > select the account > Activate >
#       Lambda code scanning. Repeat in every region you use.
#     cli: >-
#       aws inspector2 enable --resource-types LAMBDA_CODE --account-ids ACCOUNT --region REGION
#     terraform: >-
#       aws_inspector2_enabler: resource_types = ["LAMBDA_CODE"] (requires LAMBDA)
#   service: inspector2
#   severity: HIGH
#   short_code: enable-lambda-code-scanning
#   recommended_action: "Activate Inspector Lambda code scanning in the region."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: inspector2
#             provider: aws
package builtin.aws.inspector2.osp0145

import rego.v1

deny contains res if {
	a := input.aws.inspector2.account
	not a.lambdacode.value == "ENABLED"
	res := result.new(sprintf("Inspector Lambda code scanning is not enabled in this region (status %s).", [object.get(a, ["lambdacode", "value"], "unknown")]), object.get(a, "lambdacode", a))
}

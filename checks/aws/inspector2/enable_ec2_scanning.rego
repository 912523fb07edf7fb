# METADATA
# title: "Inspector EC2 scanning is enabled in the region"
# description: >-
#   Amazon Inspector scans EC2 instances' software packages and network reachability for known
#   vulnerabilities continuously. This check reads the account's Inspector status in the region
#   (BatchGetAccountStatus) and fails unless EC2 scanning is ENABLED. AWS Foundational Security Best
#   Practices control Inspector.1.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/inspector/latest/user/activate-scans.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/inspector-controls.html
# custom:
#   id: OSP-AWS-0143
#   avd_id: OSP-AWS-0143
#   provider: aws
#   impact: >-
#     Without it an EC2 instance running a package with a known, exploited vulnerability raises no
#     finding.
#   remediation:
#     console: >-
#       Inspector console (in the region) > Account management > select the account > Activate >
#       EC2 scanning. Repeat in every region you use.
#     cli: >-
#       aws inspector2 enable --resource-types EC2 --account-ids ACCOUNT --region REGION
#     terraform: >-
#       aws_inspector2_enabler: resource_types = ["EC2"]
#   service: inspector2
#   severity: HIGH
#   short_code: enable-ec2-scanning
#   recommended_action: "Activate Inspector EC2 scanning in the region."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: inspector2
#             provider: aws
package builtin.aws.inspector2.osp0143

import rego.v1

deny contains res if {
	a := input.aws.inspector2.account
	not a.ec2.value == "ENABLED"
	res := result.new(sprintf("Inspector EC2 scanning is not enabled in this region (status %s).", [object.get(a, ["ec2", "value"], "unknown")]), object.get(a, "ec2", a))
}

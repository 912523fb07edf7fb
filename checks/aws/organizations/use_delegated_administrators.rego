# METADATA
# title: "The organization delegates administration to member accounts"
# description: >-
#   With no delegated administrator registered, every organization-wide policy and integrated
#   security service is administered from the management account, which CIS wants kept free of
#   daily work. The delegated administrators listed (from the management account, or a delegated
#   one) are the evidence CIS AWS Foundations 7.0 2.1.5 and 2.1.6 (Manual) ask to review.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_delegate_policies.html
#   - https://docs.aws.amazon.com/organizations/latest/userguide/orgs_integrate_services_list.html
# custom:
#   id: OSP-AWS-0093
#   avd_id: OSP-AWS-0093
#   provider: aws
#   impact: >-
#     People who manage policies or security services need the management account, whose
#     credentials can change every account of the organization.
#   remediation:
#     console: >-
#       Organizations console > Settings > Delegated administrator for AWS Organizations (policies),
#       and each integrated service's console (Security Hub, GuardDuty, IAM Access Analyzer, ...) >
#       Delegated administrator: register a dedicated security or tooling account.
#     cli: >-
#       aws organizations register-delegated-administrator --account-id ACCOUNT --service-principal
#       SERVICE.amazonaws.com (or put-resource-policy for Organizations policy delegation)
#     terraform: >-
#       aws_organizations_delegated_administrator; aws_organizations_resource_policy
#   service: organizations
#   severity: LOW
#   short_code: use-delegated-administrators
#   recommended_action: "Register a dedicated account as delegated administrator for policies and security services."
#   frameworks:
#     cis-aws-7.0:
#       - "2.1.5"
#       - "2.1.6"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: organizations
#             provider: aws
package builtin.aws.organizations.osp0093

import rego.v1

deny contains res if {
	org := input.aws.organizations.organization
	org.inuse.value == true
	org.delegatedadministratorslisted.value == true
	count(object.get(input.aws.organizations, "delegatedadministrators", [])) == 0
	res := result.new(sprintf("Organization '%s' has no delegated administrator: policies and integrated services are run from the management account.", [object.get(org, ["id", "value"], "?")]), org)
}

not_evaluated contains reason if {
	org := input.aws.organizations.organization
	org.inuse.value == true
	object.get(org, ["delegatedadministratorslisted", "value"], false) == false
	reason := sprintf("organization '%s': delegated administrators are listed only from the management account or a delegated one", [object.get(org, ["id", "value"], "?")])
}

# METADATA
# title: "The account uses identity federation for its people"
# description: >-
#   People should sign in through a central identity provider (IAM Identity Center, or a SAML or
#   OpenID Connect provider federated into IAM) rather than as IAM users with long-lived passwords
#   and keys. This check fails when the account has no SAML provider, no OpenID Connect provider and
#   no IAM Identity Center instance in the scanned regions. An OIDC provider may serve workloads (CI
#   systems) rather than people, so a PASS is evidence to review, not proof. Evidence for CIS AWS
#   Foundations 1.21 (2.0/3.0) and 2.19 (7.0), a manual control.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers.html
#   - https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html
# custom:
#   id: OSP-AWS-0142
#   avd_id: OSP-AWS-0142
#   provider: aws
#   impact: >-
#     Every person signs in with an IAM user: joiners and leavers are handled account by account,
#     and long-lived passwords and access keys accumulate where a central provider would enforce
#     MFA and revoke access in one place.
#   remediation:
#     console: >-
#       IAM Identity Center console > Enable (in your chosen home region), connect your identity
#       source, and assign users to accounts with permission sets; or IAM console > Identity
#       providers > Add provider (SAML).
#     cli: >-
#       aws sso-admin create-instance (standalone account) or enable IAM Identity Center from
#       the organization's management account; aws iam create-saml-provider --name NAME --saml-
#       metadata-document file://metadata.xml
#     terraform: >-
#       aws_ssoadmin_permission_set and aws_ssoadmin_account_assignment (Identity Center
#       enabled), or aws_iam_saml_provider
#   service: iam
#   severity: LOW
#   short_code: identity-federation
#   recommended_action: "Federate the people who use the account through IAM Identity Center or a SAML identity provider."
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
#           - service: ssoadmin
#             provider: aws
package builtin.aws.iam.osp0142

import rego.v1

import data.lib.osprey

providers_known if {
	is_array(input.aws.iam.samlproviders)
	is_array(input.aws.iam.oidcproviders)
}

federated if count(object.get(input.aws.iam, "samlproviders", [])) > 0

federated if count(object.get(input.aws.iam, "oidcproviders", [])) > 0

federated if {
	some inst in input.aws.ssoadmin.instances
	object.get(inst, ["status", "value"], "ACTIVE") == "ACTIVE"
}

deny contains res if {
	input.aws.ssoadmin
	providers_known
	not federated
	regions := concat(", ", sort([r.value | some r in object.get(input.aws.ssoadmin, "regions", [])]))
	res := result.new(sprintf("No SAML or OpenID Connect provider in IAM and no IAM Identity Center instance in the scanned regions (%s).", [regions]), osprey.cause(osprey.account_arn("iam", "", "root")))
}

not_evaluated contains reason if {
	input.aws.iam
	not input.aws.ssoadmin
	not federated
	reason := "IAM Identity Center was not collected (add --service ssoadmin): federation through it cannot be seen"
}

not_evaluated contains reason if {
	input.aws.iam
	not providers_known
	not federated
	reason := "the IAM identity provider lists were not read (iam:ListSAMLProviders / iam:ListOpenIDConnectProviders denied)"
}

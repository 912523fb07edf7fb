# METADATA
# title: "No policy allowing \"*\" on \"*\" is attached to a user, group or role"
# description: >-
#   A policy that allows every action on every resource makes its holder an administrator of the
#   whole account. CIS 1.4 asks that no such policy be attached to any identity, whoever wrote it:
#   the AWS-managed AdministratorAccess attached to a user counts as much as a customer policy.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege
# custom:
#   id: OSP-AWS-0009
#   avd_id: OSP-AWS-0009
#   provider: aws
#   impact: >-
#     Whoever holds the policy is a full administrator of the account: one compromised user, group
#     member or role (or one mistake it makes) can reach every resource, delete the audit trail and
#     create new administrators.
#   remediation:
#     console: >-
#       IAM console > Users / User groups / Roles > the identity > Permissions: remove the policy
#       (AdministratorAccess or the customer policy) and attach one that grants only the actions the
#       identity needs; IAM Access Analyzer can generate one from CloudTrail activity.
#     cli: >-
#       aws iam detach-user-policy --user-name USER --policy-arn POLICY-ARN (detach-group-policy,
#       detach-role-policy for groups and roles; delete-user-policy for an inline policy)
#     terraform: >-
#       remove the aws_iam_user_policy_attachment / aws_iam_role_policy_attachment /
#       aws_iam_group_policy_attachment of the full-access policy; attach a least-privilege
#       aws_iam_policy instead
#   service: iam
#   severity: HIGH
#   short_code: no-full-admin-attached
#   recommended_action: "Detach the policy and grant the identity only the actions it needs."
#   frameworks:
#     cis-aws-1.4:
#       - "1.16"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.osp0009

import rego.v1

import data.lib.aws.iam

# Any statement allowing "*" on "*", conditional or not: under its condition it is full admin.
full_admin_document(doc) if {
	some s in iam.statements(doc)
	s.Effect == "Allow"
	"*" in s.Action
	"*" in s.Resource
}

# The managed policy's default version, from the identity's entry or from the account's list.
document(p) := p.document.value

document(p) := d if {
	not p.document
	some q in object.get(input.aws.iam, "policies", [])
	q.arn.value == p.arn.value
	d := q.document.value
}

full_admin(p) if full_admin_document(document(p))

# AdministratorAccess by ARN, in any partition, even when its document was not collected.
full_admin(p) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AdministratorAccess$`, p.arn.value)

how(p) := "inline policy" if p.inline.value == true

else := "policy"

kind_name := {"users": "user", "groups": "group", "roles": "role"}

deny contains res if {
	some kind in ["users", "groups", "roles"]
	some owner in object.get(input.aws.iam, kind, [])
	some p in object.get(owner, "policies", [])
	full_admin(p)
	res := result.new(sprintf("The %s '%s' attached to %s '%s' allows all actions on all resources.", [how(p), p.name.value, kind_name[kind], owner.name.value]), owner)
}

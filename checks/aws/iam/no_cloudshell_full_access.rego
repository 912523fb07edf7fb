# METADATA
# title: "AWSCloudShellFullAccess is not attached to any user, group or role"
# description: >-
#   The AWS-managed policy AWSCloudShellFullAccess lets its holder upload and download files
#   through CloudShell, a path around data loss controls. CIS AWS Foundations 2.0 and 3.0 (1.22, a
#   Manual recommendation) ask that its use be restricted; this check lists every attachment as
#   evidence to review.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/cloudshell/latest/userguide/sec-auth-with-identities.html
# custom:
#   id: OSP-AWS-0042
#   avd_id: OSP-AWS-0042
#   provider: aws
#   impact: >-
#     A principal with AWSCloudShellFullAccess can move files in and out of the account through
#     the CloudShell environment, outside the controls that watch other transfer paths.
#   remediation:
#     console: >-
#       IAM console > the user, group or role > Permissions: remove AWSCloudShellFullAccess; grant a
#       customer policy that denies cloudshell:PutFileUpload and cloudshell:GetFileDownload where
#       CloudShell is needed.
#     cli: >-
#       aws iam detach-role-policy --role-name ROLE --policy-arn
#       arn:aws:iam::aws:policy/AWSCloudShellFullAccess (detach-user-policy / detach-group-policy
#       likewise)
#     terraform: >-
#       Remove aws_iam_role_policy_attachment / aws_iam_user_policy_attachment /
#       aws_iam_group_policy_attachment resources whose policy_arn is AWSCloudShellFullAccess.
#   service: iam
#   severity: MEDIUM
#   short_code: no-cloudshell-full-access
#   recommended_action: "Detach AWSCloudShellFullAccess; where CloudShell is needed, grant a policy that denies file upload and download."
#   frameworks:
#     cis-aws-2.0:
#       - "1.22"
#     cis-aws-3.0:
#       - "1.22"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.osp0042

import rego.v1

kind_name := {"users": "user", "groups": "group", "roles": "role"}

# The AWS-managed policy, in any partition (matched by ARN: a customer policy may share its name).
cloudshell_full(p) if regex.match(`^arn:aws[a-z-]*:iam::aws:policy/AWSCloudShellFullAccess$`, p.arn.value)

deny contains res if {
	some kind in ["users", "groups", "roles"]
	some owner in object.get(input.aws.iam, kind, [])
	some p in object.get(owner, "policies", [])
	cloudshell_full(p)
	res := result.new(sprintf("AWSCloudShellFullAccess is attached to %s '%s'.", [kind_name[kind], owner.name.value]), owner)
}

# METADATA
# title: "The root user is not used for everyday work"
# description: >-
#   The root user can do anything in the account and cannot be limited by IAM policies. A password
#   login or access key use by root in the last day means it is being used for routine tasks, which
#   CIS asks to avoid.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
# custom:
#   id: AVD-AWS-0140
#   avd_id: AVD-AWS-0140
#   provider: aws
#   impact: >-
#     Every use of the root user is a use of an identity no policy can limit. Routine root use makes
#     its credentials exposed often and makes real misuse hard to tell from normal work.
#   remediation:
#     console: >-
#       Create IAM Identity Center users or IAM roles with the permissions needed, use those daily,
#       and sign in as root only for the few tasks that require it. The credential report's
#       password_last_used for <root_account> shows recent use.
#     cli: >-
#       aws iam generate-credential-report && aws iam get-credential-report --query Content --output
#       text | base64 -d | head -2
#   service: iam
#   severity: LOW
#   short_code: limit-root-account-usage
#   recommended_action: "Use IAM users or roles (or IAM Identity Center) for daily work and keep the root credentials locked away."
#   frameworks:
#     cis-aws-1.2:
#       - "1.1"
#     cis-aws-1.4:
#       - "1.7"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0140

import rego.v1

import data.lib.aws.iam
import data.lib.datetime

recent(t) if {
	t != ""
	datetime.time_diff_lt_days(t, 1)
}

deny contains res if {
	some user in input.aws.iam.users
	iam.is_root_user(user)
	recent(iam.time_of(user, "lastaccess"))
	res := result.new("The root user signed in to the console within the last day.", user)
}

deny contains res if {
	some user in input.aws.iam.users
	iam.is_root_user(user)
	some key in object.get(user, "accesskeys", [])
	recent(iam.time_of(key, "lastaccess"))
	res := result.new("A root access key was used within the last day.", user)
}

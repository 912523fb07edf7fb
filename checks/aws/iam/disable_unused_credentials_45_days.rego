# METADATA
# title: "Credentials unused for 45 days are disabled"
# description: >-
#   A password or access key nobody has used for 45 days is a standing risk: if it leaks, its misuse
#   stands out to no one. CIS asks that such credentials be disabled or removed.
# scope: package
# schemas:
#   - input: schema["cloud"]
# related_resources:
#   - https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_getting-report.html
# custom:
#   id: AVD-AWS-0166
#   avd_id: AVD-AWS-0166
#   provider: aws
#   impact: >-
#     Passwords and access keys unused for 45 days are rarely needed and often forgotten: they stay
#     valid for whoever finds them. CIS 1.4 tightened the limit from 90 to 45 days.
#   remediation:
#     console: >-
#       IAM console > Users > the user > Security credentials: Console sign-in > Manage > Disable;
#       Access keys > Actions > Deactivate for keys unused in 45 days (Credential report shows last
#       use).
#     cli: >-
#       aws iam update-access-key --user-name USER --access-key-id KEY-ID --status Inactive && aws
#       iam delete-login-profile --user-name USER
#   service: iam
#   severity: LOW
#   short_code: disable-unused-credentials-45-days
#   recommended_action: "Disable the console password and deactivate access keys that have not been used for 45 days."
#   frameworks:
#     cis-aws-1.4:
#       - "1.12"
#   input:
#     selector:
#       - type: cloud
#         subtypes:
#           - service: iam
#             provider: aws
package builtin.aws.iam.aws0166

import rego.v1

import data.lib.aws.iam

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	user.passwordenabled.value == true
	iam.stale(iam.time_of(user, "lastaccess"), iam.time_of(user, "passwordlastchanged"), 45)
	res := result.new(sprintf("IAM user '%s' has a console password unused for over 45 days.", [user.name.value]), user)
}

deny contains res if {
	some user in input.aws.iam.users
	not iam.is_root_user(user)
	some key in iam.active_keys(user)
	iam.stale(iam.time_of(key, "lastaccess"), iam.time_of(key, "creationdate"), 45)
	res := result.new(sprintf("IAM user '%s' has an active access key unused for over 45 days.", [user.name.value]), key)
}
